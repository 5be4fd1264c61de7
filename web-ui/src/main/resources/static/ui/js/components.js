// Pieces several pages share.
import { field, h } from './dom.js';
import { country, money, t } from './i18n.js';
import { session } from './session.js';
import { stars } from './reviews.js';
import { heart } from './favourites.js';

export const CATEGORIES = ['CARPETS', 'TEXTILES', 'CLOTHING', 'JEWELRY', 'CERAMICS', 'WOODWORK', 'METALWORK', 'PAPER', 'OTHER'];

/** The states of an order, as the server names them. */
export const ORDER_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

/** The zero-based page a listing's address asks for. */
export function pageParam(params) {
  return Math.max(0, Number.parseInt(params.get('page'), 10) || 0);
}

/** The status a listing's address asks for when it is one of `statuses`, else none. */
export function statusParam(params, statuses) {
  return statuses.includes(params.get('status')) ? params.get('status') : '';
}

/**
 * Pages for one role: a visitor is sent to sign in first, a signed-in user without the role
 * is told who may come in. Returns what to show instead of the page, or null.
 */
export function roleGuard(navigate, role, titleKey, refusedKey) {
  if (!session.user()) {
    navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    return h('div');
  }
  if (!session.hasRole(role)) {
    return h('section', { class: 'page narrow' }, pageHeading(t(titleKey)), h('p', { class: 'alert error', role: 'alert' }, t(refusedKey)));
  }
  return null;
}

export const COUNTRIES = ['AZ', 'UZ', 'KZ', 'KG', 'TJ', 'TM', 'GE', 'TR', 'AE', 'DE', 'FR', 'GB', 'IT', 'NL', 'PL', 'US', 'CA'];

/**
 * A product's picture, or a patterned placeholder naming its category. Cards and
 * thumbnails show the marketplace's smaller rendition of an upload (at most 480 px wide).
 */
export function productImage(product, size = 'card') {
  const image = product.images?.[0] ?? product.image;
  const src = image && size !== 'large' && image.startsWith('/media/') ? `${image}?size=small` : image;
  if (src) return h('img', { class: `product-image ${size}`, src, alt: product.title, loading: 'lazy' });
  return h('div', { class: `product-image placeholder ${size} cat-${(product.category || 'OTHER').toLowerCase()}`, role: 'img', 'aria-label': product.title },
    h('span', { 'aria-hidden': 'true' }, t(`category.${product.category || 'OTHER'}`)));
}

export function productCard(product) {
  const soldOut = product.stock <= 0;
  return h('li', { class: 'card product-card', dataset: { productId: product.id } },
    h('a', { href: `/products/${encodeURIComponent(product.id)}`, class: 'card-link' },
      productImage(product),
      h('span', { class: 'card-title' }, product.title)),
    h('p', { class: 'card-maker' }, [product.artisan?.displayName, product.artisan?.city, country(product.artisan?.country)].filter(Boolean).join(' · ')),
    product.rating?.count ? h('p', { class: 'card-rating' }, stars(product.rating)) : null,
    h('p', { class: 'card-price' }, money(product.price),
      soldOut ? h('span', { class: 'tag sold-out' }, t('product.soldOut')) : null,
      heart('products', product.id, product.favouriteCount ?? 0)));
}

export function productGrid(products) {
  return h('ul', { class: 'product-grid' }, products.map(productCard));
}

/** Previous / next links over a paged answer; hrefFor(page) builds the link. */
export function pager(result, hrefFor) {
  if (!result || result.totalPages <= 1) return null;
  const { page, totalPages } = result;
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    page > 0 ? h('a', { href: hrefFor(page - 1), rel: 'prev', class: 'button secondary' }, t('pager.previous')) : null,
    h('span', { class: 'pager-position' }, t('pager.position', { page: page + 1, pages: totalPages })),
    page + 1 < totalPages ? h('a', { href: hrefFor(page + 1), rel: 'next', class: 'button secondary' }, t('pager.next')) : null);
}

export function statusBadge(status, id) {
  return h('span', { class: `status status-${status.toLowerCase()}`, id, dataset: { status } }, t(`status.${status}`));
}

export function pageHeading(text, ...rest) {
  return h('h1', { tabindex: '-1', ...(rest[0] || {}) }, text);
}

/** The order status filter of a listing: picks a status and goes to path?status=… */
export function orderStatusFilter({ id, path, statuses, current, navigate }) {
  return h('form', { class: 'inline-filter', onsubmit: (event) => {
    event.preventDefault();
    const status = event.target.elements.status.value;
    navigate(status ? `${path}?status=${encodeURIComponent(status)}` : path);
  } },
  field(id, t('orders.filter'), h('select', { name: 'status' },
    h('option', { value: '' }, t('search.any')),
    statuses.map((value) => h('option', { value, selected: value === current }, t(`status.${value}`))))),
  h('button', { type: 'submit', class: 'button secondary' }, t('search.apply')));
}
