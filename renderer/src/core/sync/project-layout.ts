import { RELATIONS } from '../links/link';
import { GOLD_ANNOTATOR } from '../model/gold';

/**
 * How a project lives on CouchDB (docs/team.md, "Layout"). CouchDB has no per-document read
 * permission inside a database, so blindness comes from databases: each user has their own, which
 * only they and the project's leads may read (couch_peruser's pattern), and shared data sits in
 * databases that everyone in the project reads but only leads write.
 *
 *   marginalia_<p>               the project document and its roster: leads read, admins write
 *   marginalia_<p>_articles      articles, immutable, id = text hash: everyone reads, leads add
 *   marginalia_<p>_gold          adjudicated span sets: leads read and write; annotators read once released
 *   marginalia_<p>_user_<name>   the user's span sets and devices (only they write), and their
 *                                assignments (only leads write); they and leads read
 *   marginalia_<p>_feed          one `feed:<name>` per user, touched after each push (only that user
 *                                writes it): what a lead long-polls instead of every user database
 *
 * Project names have no underscore, so every name splits one way.
 */
export const PROJECT_NAME = /^[a-z][a-z0-9-]{0,39}$/;
/** Team user names are CouchDB user names that are also safe in a database name. */
export const USER_NAME = /^[a-z][a-z0-9_-]{0,39}$/;
export const DESIGN_ID = '_design/marginalia';
/**
 * Bumped whenever a validate_doc_update below changes, so `team init` updates old projects (2: span
 * sets must carry well-formed links).
 */
export const LAYOUT_VERSION = 2;

export type TeamRole = 'annotator' | 'lead';

export const projectDb = (p: string): string => `marginalia_${p}`;
export const articlesDb = (p: string): string => `marginalia_${p}_articles`;
export const goldDb = (p: string): string => `marginalia_${p}_gold`;
export const userDb = (p: string, user: string): string => `marginalia_${p}_user_${user}`;
export const feedDb = (p: string): string => `marginalia_${p}_feed`;
export const feedId = (user: string): string => `feed:${user}`;
/** The user a feed entry's id names, or null when it is not a feed entry. */
export const userOfFeedId = (id: string): string | null => (id.startsWith('feed:') ? id.slice(5) : null);
/** The user whose database `db` is in project `p`, or null when it is not a user database. */
export function userOfDb(p: string, db: string): string | null {
  const prefix = `marginalia_${p}_user_`;
  return db.startsWith(prefix) ? db.slice(prefix.length) : null;
}
export const roleName = (p: string, role: TeamRole): string => `marginalia_${p}_${role}`;
export const memberId = (user: string): string => `member:${user}`;
export const assignmentId = (docId: string): string => `assign:${docId}`;
export const deviceId = (device: string): string => `device:${device}`;

export interface SecurityObject {
  readonly admins: { readonly names: readonly string[]; readonly roles: readonly string[] };
  readonly members: { readonly names: readonly string[]; readonly roles: readonly string[] };
}

const security = (names: readonly string[], roles: readonly string[]): SecurityObject => ({
  admins: { names: [], roles: [] },
  members: { names, roles },
});

export const projectSecurity = (p: string): SecurityObject => security([], [roleName(p, 'lead')]);
export const articlesSecurity = (p: string): SecurityObject =>
  security([], [roleName(p, 'annotator'), roleName(p, 'lead')]);
export const goldSecurity = (p: string, released: boolean): SecurityObject =>
  security([], released ? [roleName(p, 'lead'), roleName(p, 'annotator')] : [roleName(p, 'lead')]);
/**
 * Everyone in the project reads and writes the feed (CouchDB has no write-only access): an entry
 * says when its user last pushed, never what, so an annotator learns no one else's labels from it.
 */
export const feedSecurity = (p: string): SecurityObject =>
  security([], [roleName(p, 'annotator'), roleName(p, 'lead')]);
export const userSecurity = (p: string, user: string): SecurityObject =>
  security([user], [roleName(p, 'lead')]);

export interface DesignDoc {
  readonly _id: typeof DESIGN_ID;
  readonly _rev?: string;
  readonly marginalia_layout: number;
  readonly validate_doc_update: string;
}

// validate_doc_update runs inside CouchDB (SpiderMonkey or QuickJS) and the stand-in: ES5 only,
// no closures over this module, every constant spliced in as a JSON literal.
const lit = (v: unknown): string => JSON.stringify(v);

function design(body: string): DesignDoc {
  return {
    _id: DESIGN_ID,
    marginalia_layout: LAYOUT_VERSION,
    validate_doc_update: `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  var admin = roles.indexOf('_admin') !== -1;
  function forbid(why) { throw({ forbidden: why }); }
${body}
}`,
  };
}

export const projectDesign = (): DesignDoc =>
  design(`  if (!admin) forbid('Only a server admin changes the project and its roster.');`);

export const articlesDesign = (p: string): DesignDoc =>
  design(`  var lead = roles.indexOf(${lit(roleName(p, 'lead'))}) !== -1;
  if (!admin && !lead) forbid('Only a lead of this project adds articles.');
  if (newDoc._deleted) { if (!admin) forbid('Only a server admin removes an article.'); return; }
  if (oldDoc && !oldDoc._deleted) forbid('Articles are immutable: add the changed text as a new article.');
  if (newDoc.type !== 'article' || typeof newDoc.text !== 'string' || typeof newDoc.title !== 'string' ||
      !/^sha256:[0-9a-f]{64}$/.test(newDoc._id)) forbid('This is not an article document.');`);

const spanSetShape = (annotatorExpr: string): string => `
  if (newDoc.type !== 'span_set' || newDoc._id !== 'spans:' + newDoc.doc_id || newDoc.annotator !== ${annotatorExpr} ||
      typeof newDoc.spans !== 'object' || newDoc.spans === null || typeof newDoc.status !== 'object' || newDoc.status === null ||
      typeof newDoc.links !== 'object' || newDoc.links === null)
    forbid('A span set must have type span_set, _id spans:<doc_id>, annotator ' + ${annotatorExpr} + ', spans, links and status.');
  function extent(e) { return typeof e === 'object' && e !== null && typeof e.start === 'number' &&
    typeof e.end === 'number' && e.start % 1 === 0 && e.start >= 0 && e.start < e.end && e.end % 1 === 0; }
  for (var lk in newDoc.links) {
    var l = newDoc.links[lk];
    if (typeof l !== 'object' || l === null || typeof l.updated_at !== 'number' || typeof l.by !== 'string')
      forbid('Link ' + lk + ' must be stamped with updated_at and by.');
    if (l.deleted === true) continue;
    if (${lit(RELATIONS)}.indexOf(l.relation) === -1 || !extent(l.from) || !extent(l.to) ||
        typeof l.to.doc_id !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(l.to.doc_id) || typeof l.note !== 'string')
      forbid('Link ' + lk + ' must have a relation of ' + ${lit(RELATIONS.join(', '))} + ', from and to extents (to with its doc_id) and a note.');
  }`;

export const goldDesign = (p: string): DesignDoc =>
  design(`  var lead = roles.indexOf(${lit(roleName(p, 'lead'))}) !== -1;
  if (!admin && !lead) forbid('Only a lead writes gold.');
  if (newDoc._deleted) return;${spanSetShape(lit(GOLD_ANNOTATOR))}`);

export const feedDesign = (): DesignDoc =>
  design(`  if (newDoc._deleted) { if (!admin) forbid('A feed entry is never deleted.'); return; }
  if (!admin && newDoc._id !== 'feed:' + userCtx.name) forbid('A user writes only their own feed entry, feed:<name>.');
  if (newDoc.type !== 'feed' || typeof newDoc.at !== 'number')
    forbid('A feed entry must have type feed and a number at.');
  for (var k in newDoc) if (k !== '_id' && k !== '_rev' && k !== '_revisions' && k !== 'type' && k !== 'at')
    forbid('A feed entry holds only type and at, not ' + k + '.');`);

/** "This user pushed at `at`" (ms): all a lead's live feed needs, and all it tells anyone. */
export interface FeedDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'feed';
  readonly at: number;
}

/** The owner is spliced into the user's own design document, so no request can claim another. */
export const userDesign = (p: string, owner: string): DesignDoc =>
  design(`  var lead = roles.indexOf(${lit(roleName(p, 'lead'))}) !== -1;
  var owner = ${lit(owner)};
  var id = newDoc._id;
  if (id.indexOf('assign:') === 0) {
    if (!admin && !lead) forbid('Only a lead assigns articles.');
    if (!newDoc._deleted && (newDoc.type !== 'assignment' || id !== 'assign:' + newDoc.doc_id))
      forbid('An assignment must have type assignment and _id assign:<doc_id>.');
    return;
  }
  var own = id.indexOf('spans:') === 0 || id.indexOf('device:') === 0;
  if (!own) forbid('Unknown document: ' + id + '.');
  if (!admin && userCtx.name !== owner) forbid('Only ' + owner + ' writes their span sets.');
  if (newDoc._deleted) { if (!admin) forbid('A span set or device is never deleted.'); return; }
  if (id.indexOf('device:') === 0) {
    if (newDoc.type !== 'device') forbid('A device document must have type device.');
    return;
  }${spanSetShape('owner')}`);

/** The project document in the project database. */
export interface ProjectDoc {
  readonly _id: 'project';
  readonly _rev?: string;
  readonly type: 'project';
  readonly name: string;
  readonly layout: number;
  readonly created_at: string;
  readonly gold_released: boolean;
}

export interface MemberDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'member';
  readonly name: string;
  readonly role: TeamRole;
  readonly added_at: string;
}

export interface AssignmentDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'assignment';
  readonly doc_id: string;
  readonly assigned_at: string;
  readonly assigned_by: string;
}

/** A replica of the user's data (one app installation); `last_sync_at` is what status shows. */
export interface DeviceDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: 'device';
  readonly last_sync_at: string;
}
