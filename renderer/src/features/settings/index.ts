export { SettingsPage } from './SettingsPage';
export { RestoreConfirm } from './RestoreConfirm';
export { useRestoreFlow, when } from './useRestoreFlow';
export { BackupChooser } from './BackupChooser';
