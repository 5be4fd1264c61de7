// Favourites: the heart on product cards, product and artisan pages.
import { announce, h } from './dom.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { session } from './session.js';
import { describe } from './errors.js';

/** The signed-in buyer's favourite ids, asked once: {products: Set, artisans: Set}, or null. */
let known = null;

function mine() {
  if (!session.hasRole('BUYER')) return Promise.resolve(null);
  known ??= api('/api/me/favourites?size=1')
    .then(({ data }) => ({ products: new Set(data.productIds), artisans: new Set(data.artisanIds) }))
    .catch(() => { known = null; return null; });
  return known;
}

window.addEventListener('session-changed', () => { known = null; });

/**
 * A heart that keeps a product (kind 'products') or an artisan ('artisans') among the
 * buyer's favourites, with how many buyers keep it when `count` is given. A visitor is
 * sent to sign in; other accounts see only the count.
 */
export function heart(kind, id, count) {
  const number = count === undefined ? null
    : h('span', { class: 'heart-count', title: t('favourites.count', { n: count }) }, String(count),
      h('span', { class: 'visually-hidden' }, ` ${t('favourites.count', { n: count })}`));
  if (!session.user()) {
    const next = encodeURIComponent(location.pathname + location.search);
    return h('span', { class: 'favourite' },
      h('a', { class: 'heart', href: `/signin?next=${next}`, 'aria-label': t('favourites.signIn') }, h('span', { 'aria-hidden': 'true' }, '♡')),
      number);
  }
  if (!session.hasRole('BUYER')) {
    return count ? h('span', { class: 'favourite' }, h('span', { class: 'heart', 'aria-hidden': 'true' }, '♥'), number) : null;
  }
  let shown = count;
  const icon = h('span', { 'aria-hidden': 'true' }, '♡');
  const button = h('button', { type: 'button', class: 'heart', 'aria-pressed': 'false', 'aria-label': t('favourites.add'),
    dataset: { favourite: kind, id } }, icon);
  const draw = (on) => {
    button.setAttribute('aria-pressed', String(on));
    button.setAttribute('aria-label', t(on ? 'favourites.remove' : 'favourites.add'));
    button.classList.toggle('on', on);
    icon.textContent = on ? '♥' : '♡';
  };
  mine().then((ids) => draw(Boolean(ids?.[kind].has(id))));
  button.addEventListener('click', async () => {
    const ids = await mine();
    if (!ids) return;
    const on = !ids[kind].has(id);
    button.disabled = true;
    try {
      await api(`/api/me/favourites/${kind}/${encodeURIComponent(id)}`, { method: on ? 'PUT' : 'DELETE' });
      if (on) ids[kind].add(id); else ids[kind].delete(id);
      draw(on);
      if (number) {
        shown += on ? 1 : -1;
        number.firstChild.textContent = String(shown);
        number.title = t('favourites.count', { n: shown });
        number.lastChild.textContent = ` ${t('favourites.count', { n: shown })}`;
      }
      announce(t(on ? 'favourites.added' : 'favourites.removed'));
    } catch (error) {
      announce(describe(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { class: 'favourite' }, button, number);
}
