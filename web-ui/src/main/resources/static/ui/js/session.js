// The signed-in account, kept in this browser until its token expires or the user signs out.

const KEY = 'am.session';

function read() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function changed() {
  window.dispatchEvent(new CustomEvent('session-changed'));
}

export const session = {
  /** The bearer token, or null when signed out or expired. */
  token() {
    return read()?.accessToken ?? null;
  },
  /** {id, email, displayName, roles} or null. */
  user() {
    return read()?.user ?? null;
  },
  hasRole(role) {
    return Boolean(read()?.user?.roles?.includes(role));
  },
  /** Stores a login answer: {accessToken, expiresIn, user}. */
  signedIn(login) {
    const expiresAt = Date.now() + Math.max(0, login.expiresIn - 30) * 1000;
    localStorage.setItem(KEY, JSON.stringify({ accessToken: login.accessToken, user: login.user, expiresAt }));
    changed();
  },
  signOut() {
    localStorage.removeItem(KEY);
    changed();
  },
  /** The server refused the token: forget it so the next page asks to sign in again. */
  expired() {
    if (localStorage.getItem(KEY)) this.signOut();
  },
};
