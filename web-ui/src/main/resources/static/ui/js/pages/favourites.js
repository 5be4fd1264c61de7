// The buyer's Favourites page.
import { h } from '../dom.js';
import { api, query } from '../api.js';
import { country, t } from '../i18n.js';
import { pageHeading, pageParam, pager, productCard, roleGuard } from '../components.js';
import { heart } from '../favourites.js';

const PAGE_SIZE = 24;

/** /favourites: the buyer's favourite pieces and artisans, last marked first. */
export async function favouritesPage({ query: params, navigate }) {
  const refused = roleGuard(navigate, 'BUYER', 'favourites.title', 'favourites.buyersOnly');
  if (refused) return refused;
  const page = pageParam(params);
  const { products, artisans } = (await api(`/api/me/favourites${query({ page, size: PAGE_SIZE })}`)).data;
  const pieces = products.items.map((item) => item.product ? productCard(item.product)
    : h('li', { class: 'card product-card gone', dataset: { productId: item.productId } },
      h('p', { class: 'card-title' }, t('favourites.gone')),
      h('p', { class: 'card-price' }, heart('products', item.productId))));
  const makers = artisans.items.map((item) => h('li', { class: 'card artisan-card', dataset: { artisanId: item.artisanId } },
    item.artisan
      ? [h('a', { href: `/artisans/${encodeURIComponent(item.artisanId)}`, class: 'card-title' }, item.artisan.displayName),
        h('p', { class: 'card-maker' }, [item.artisan.craft, item.artisan.city, country(item.artisan.country)].filter(Boolean).join(' · '))]
      : h('p', { class: 'card-title' }, t('favourites.gone')),
    h('p', { class: 'card-price' }, heart('artisans', item.artisanId))));
  const totalPages = Math.max(products.totalPages, artisans.totalPages);
  return h('div', { class: 'page favourites-page' },
    pageHeading(t('favourites.title')),
    h('h2', {}, t('favourites.products')),
    pieces.length ? h('ul', { class: 'product-grid', id: 'favourite-products' }, pieces) : h('p', { class: 'muted' }, t('favourites.noProducts')),
    h('h2', {}, t('favourites.artisans')),
    makers.length ? h('ul', { class: 'product-grid', id: 'favourite-artisans' }, makers) : h('p', { class: 'muted' }, t('favourites.noArtisans')),
    pager({ page, totalPages }, (target) => `/favourites${query({ page: target || '' })}`));
}
