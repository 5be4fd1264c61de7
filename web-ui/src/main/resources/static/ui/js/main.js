// The storefront's shell: header, footer, language switch and a small router over the History API.
import { h } from './dom.js';
import { api, query } from './api.js';
import { LANGUAGES, loadLanguages, language, setLanguage, t } from './i18n.js';
import { session } from './session.js';
import { cart } from './cart.js';
import { errorView } from './errors.js';
import { homePage } from './pages/home.js';
import { searchPage } from './pages/search.js';
import { productPage } from './pages/product.js';
import { artisanPage } from './pages/artisan.js';
import { cartPage } from './pages/cart.js';
import { checkoutPage } from './pages/checkout.js';
import { ordersPage, orderPage } from './pages/orders.js';
import { signInPage, signUpPage } from './pages/account.js';
import { favouritesPage } from './pages/favourites.js';
import { adminMasterclassesPage, bookingsPage, masterclassPage, masterclassesPage, studioMasterclassPage, studioMasterclassesPage } from './pages/masterclasses.js';
import { studioOrdersPage, studioPage, studioProductPage, studioProductsPage, studioProfilePage, studioReviewsPage, studioStatsPage } from './pages/studio.js';
import { adminArtisansPage, adminOrdersPage, adminPage, adminReviewsPage } from './pages/admin.js';
import { adminConversationsPage, conversationPage, inboxPage, studioInboxPage } from './pages/messages.js';
import { live } from './live.js';
import { newOrderCount, refreshUnread, unreadCount } from './messages.js';

const routes = [
  [/^\/$/, homePage],
  [/^\/search$/, searchPage],
  [/^\/products\/([^/]+)$/, productPage],
  [/^\/artisans\/([^/]+)$/, artisanPage],
  [/^\/cart$/, cartPage],
  [/^\/checkout$/, checkoutPage],
  [/^\/favourites$/, favouritesPage],
  [/^\/masterclasses$/, masterclassesPage],
  [/^\/masterclasses\/([^/]+)$/, masterclassPage],
  [/^\/bookings$/, bookingsPage],
  [/^\/orders$/, ordersPage],
  [/^\/orders\/([^/]+)$/, orderPage],
  [/^\/messages$/, inboxPage],
  [/^\/messages\/([^/]+)$/, conversationPage],
  [/^\/signin$/, signInPage],
  [/^\/signup$/, signUpPage],
  [/^\/studio$/, studioPage],
  [/^\/studio\/profile$/, studioProfilePage],
  [/^\/studio\/products$/, studioProductsPage],
  [/^\/studio\/products\/([^/]+)$/, studioProductPage],
  [/^\/studio\/orders$/, studioOrdersPage],
  [/^\/studio\/stats$/, studioStatsPage],
  [/^\/studio\/reviews$/, studioReviewsPage],
  [/^\/studio\/masterclasses$/, studioMasterclassesPage],
  [/^\/studio\/masterclasses\/([^/]+)$/, studioMasterclassPage],
  [/^\/studio\/messages$/, studioInboxPage],
  [/^\/admin$/, adminPage],
  [/^\/admin\/artisans$/, adminArtisansPage],
  [/^\/admin\/orders$/, adminOrdersPage],
  [/^\/admin\/reviews$/, adminReviewsPage],
  [/^\/admin\/masterclasses$/, adminMasterclassesPage],
  [/^\/admin\/conversations$/, adminConversationsPage],
];

let leaving = [];
let renderCount = 0;

/** Goes to a path inside the app without reloading the page. */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

async function render() {
  leaving.forEach((stop) => stop());
  leaving = [];
  const mine = ++renderCount;
  renderHeader();
  renderFooter();
  const main = document.getElementById('main');
  const route = routes.find(([pattern]) => pattern.test(location.pathname));
  const context = {
    params: route ? location.pathname.match(route[0]).slice(1).map(decodeURIComponent) : [],
    query: new URLSearchParams(location.search),
    navigate,
    /** Runs when the user leaves the page (stops polling and the like). */
    onLeave: (stop) => leaving.push(stop),
    /** False once the user has moved on, so a late answer is not drawn over the new page. */
    current: () => mine === renderCount,
  };
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
  let view;
  try {
    view = route ? await route[1](context) : notFound();
  } catch (error) {
    view = errorView(error);
  }
  if (!context.current()) return;
  main.replaceChildren(view);
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · ${t('brand.name')}` : t('brand.name');
  if (moved) (heading || main).focus({ preventScroll: false });
}

function notFound() {
  return h('section', { class: 'page narrow' },
    h('h1', { tabindex: '-1' }, t('error.notFound.title')),
    h('p', {}, t('error.notFound.text')),
    h('p', {}, h('a', { href: '/' }, t('nav.home'))));
}

let suggesting = null;

/**
 * Offers completions (titles, crafts, makers) under the search box as the buyer types,
 * asking at most once per pause in typing; an answer that arrives after newer typing is
 * dropped.
 */
function suggest(typed) {
  clearTimeout(suggesting);
  suggesting = setTimeout(async () => {
    const list = document.getElementById('header-suggestions');
    if (!list) return;
    if (typed.trim().length < 2) {
      list.replaceChildren();
      return;
    }
    try {
      const { data } = await api(`/api/products/suggest${query({ q: typed.trim() })}`);
      if (document.getElementById('header-q')?.value !== typed) return;
      list.replaceChildren(...data.suggestions.map((text) => h('option', { value: text })));
    } catch {
      // Suggestions are a help, not a need: the search itself still works.
    }
  }, 150);
}

function renderHeader() {
  const user = session.user();
  const count = cart.count();
  const search = h('form', { class: 'header-search', role: 'search', action: '/search',
    onsubmit: (event) => {
      event.preventDefault();
      const q = event.target.elements.q.value.trim();
      navigate(`/search${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    } },
  h('label', { class: 'visually-hidden', for: 'header-q' }, t('search.label')),
  h('input', { id: 'header-q', name: 'q', type: 'search', placeholder: t('search.placeholder'), list: 'header-suggestions',
    autocomplete: 'off', oninput: (event) => suggest(event.target.value),
    value: location.pathname === '/search' ? new URLSearchParams(location.search).get('q') ?? '' : '' }),
  h('datalist', { id: 'header-suggestions' }),
  h('button', { type: 'submit', class: 'button' }, t('search.submit')));
  const languages = h('select', { id: 'language', class: 'language', onchange: (event) => setLanguage(event.target.value) },
    LANGUAGES.map((option) => h('option', { value: option.code, lang: option.code, selected: option.code === language() }, option.name)));
  const account = user
    ? [session.hasRole('ARTISAN') ? h('a', { href: '/studio', id: 'studio-link' }, t('nav.studio'), ' ',
      h('span', { class: 'badge', id: 'new-orders-count', hidden: newOrderCount() === 0, title: t('messages.newOrdersBadge') }, String(newOrderCount()))) : null,
      session.hasRole('BUYER') || session.hasRole('ARTISAN')
        ? h('a', { href: session.hasRole('ARTISAN') ? '/studio/messages' : '/messages', id: 'messages-link' }, t('nav.messages'), ' ',
          h('span', { class: 'badge', id: 'messages-count', hidden: unreadCount() === 0, title: t('messages.unreadBadge') }, String(unreadCount()))) : null,
      session.hasRole('ADMIN') ? h('a', { href: '/admin', id: 'admin-link' }, t('nav.admin')) : null,
      session.hasRole('BUYER') ? h('a', { href: '/favourites', id: 'favourites-link' }, t('nav.favourites')) : null,
      session.hasRole('BUYER') ? h('a', { href: '/orders' }, t('nav.orders')) : null,
      session.hasRole('BUYER') ? h('a', { href: '/bookings', id: 'bookings-link' }, t('nav.bookings')) : null,
      h('span', { class: 'who', title: user.email }, user.displayName),
      h('button', { type: 'button', class: 'link-button', id: 'sign-out',
        onclick: () => { session.signOut(); navigate('/'); } }, t('nav.signOut'))]
    : [h('a', { href: `/signin?next=${encodeURIComponent(location.pathname + location.search)}`, id: 'sign-in-link' }, t('nav.signIn')),
      h('a', { href: '/signup' }, t('nav.signUp'))];
  const focused = document.activeElement?.id;
  document.getElementById('site-header').replaceChildren(
    h('a', { class: 'skip-link', id: 'skip-link', href: '#main' }, t('nav.skip')),
    h('div', { class: 'header-bar' },
      h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◆'), t('brand.name')),
      search,
      h('nav', { class: 'account-nav', 'aria-label': t('nav.account') },
        h('a', { href: '/masterclasses', id: 'masterclasses-link' }, t('nav.masterclasses')),
        h('a', { href: '/cart', id: 'cart-link' }, t('nav.cart'), ' ', h('span', { class: 'badge', id: 'cart-count' }, String(count)),
          h('span', { class: 'visually-hidden' }, ` ${t('cart.itemsInCart', { n: count })}`)),
        account,
        h('span', { class: 'language-switch' },
          h('label', { for: 'language', class: 'visually-hidden' }, t('nav.language')), languages))));
  if (focused && document.getElementById('site-header').querySelector(`#${focused}`)) document.getElementById(focused).focus();
}

function renderFooter() {
  document.getElementById('site-footer').replaceChildren(
    h('p', {}, t('footer.tagline')),
    h('p', { class: 'muted' }, t('footer.payment')));
}

let moved = false;

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || link.target || link.hasAttribute('download')) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/media/') || url.pathname.startsWith('/actuator')) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  event.preventDefault();
  moved = true;
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => { moved = true; render(); });
window.addEventListener('language-changed', () => render());
window.addEventListener('cart-changed', () => renderHeader());
window.addEventListener('session-changed', () => renderHeader());
window.addEventListener('storage', (event) => { if (event.key === 'am.cart' || event.key === 'am.session') renderHeader(); });

await loadLanguages();
render();
live.start();
refreshUnread();
