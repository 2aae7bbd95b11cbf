// The staff accounts the browser tests sign in with, one per role. playwright.config.ts
// creates them with `portal-server user add` after writing the fixture; the specs import them.
// Passwords: at least 12 characters, and nothing a shell would read in single quotes.

export type StaffAccount = { username: string; password: string; role: 'editor' | 'approver' | 'admin' };

export const editor: StaffAccount = { username: 'bientap', password: 'bien-tap-vien-thu-nghiem-2026', role: 'editor' };
export const approver: StaffAccount = { username: 'pheduyet', password: 'nguoi-duyet-thu-nghiem-2026', role: 'approver' };
export const admin: StaffAccount = { username: 'quantri', password: 'quan-tri-vien-thu-nghiem-2026', role: 'admin' };

export const staffAccounts = [editor, approver, admin];

/** The shell commands that add every account to the database in `dir`, each ending in `&& `. */
export function addStaffAccounts(dir: string): string {
  return staffAccounts
    .map(
      ({ username, password, role }) =>
        `printf '%s' '${password}' | target/release/portal-server user add ${username} --role ${role} ` +
        `--db ${dir}/portal.db --content ${dir}/content >/dev/null && `,
    )
    .join('');
}
