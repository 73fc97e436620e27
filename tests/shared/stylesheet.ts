import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { labelCssProperties } from '../../renderer/src/core/model/label-display';

const STYLES = join(__dirname, '../../renderer/src/styles.css');

/**
 * The app's colours as the stylesheet states them, for tests that compute contrast from the one
 * definition rather than from copied numbers: the declarations of a rule (exact selector) and
 * `var()` resolved through :root and the label properties main.tsx sets from label-display.
 */
export function stylesheet(path = STYLES) {
  const css = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = new Map<string, Map<string, string>>();
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of (m[2] as string).split(';')) {
      const at = d.indexOf(':');
      if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
    }
    for (const selector of (m[1] as string).split(','))
      rules.set(selector.trim(), new Map([...(rules.get(selector.trim()) ?? []), ...decls]));
  }
  const root = new Map([...(rules.get(':root') ?? []), ...labelCssProperties()]);

  const rule = (selector: string): Map<string, string> => {
    const r = rules.get(selector);
    if (!r) throw new Error(`no rule for ${selector} in ${path}`);
    return r;
  };
  /** A value with its `var()`s replaced, looked up in `scope` (a rule's own properties) then :root. */
  const resolve = (value: string, scope: Map<string, string> = new Map()): string =>
    value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
      const v = scope.get(name) ?? root.get(name);
      if (v === undefined) throw new Error(`${name} is not defined`);
      return resolve(v, scope);
    });
  const property = (selector: string, name: string, scope?: Map<string, string>): string => {
    const v = rule(selector).get(name);
    if (v === undefined) throw new Error(`${selector} sets no ${name}`);
    return resolve(v, scope);
  };
  return { rule, resolve, property };
}
