import { h } from '../dom.js';
import { country, t } from '../i18n.js';
import { api, query } from '../api.js';
import { pageHeading, pageParam, pager, productGrid } from '../components.js';
import { stars } from '../reviews.js';
import { heart } from '../favourites.js';

export async function artisanPage({ params: [id], query: params }) {
  const page = pageParam(params);
  const [artisan, products] = await Promise.all([
    api(`/api/artisans/${encodeURIComponent(id)}`).then((response) => response.data),
    api(`/api/products${query({ artisanId: id, page, size: 20 })}`).then((response) => response.data),
  ]);
  return h('div', { class: 'page artisan-page' },
    pageHeading(artisan.displayName),
    h('p', { class: 'muted' }, [artisan.craft, artisan.city, country(artisan.country)].filter(Boolean).join(' · '),
      artisan.status === 'VERIFIED' ? h('span', { class: 'tag verified' }, t('artisan.verified')) : null),
    artisan.rating?.count ? h('p', { class: 'rating-line' }, stars(artisan.rating, 'artisan-rating')) : null,
    h('p', { class: 'favourite-line', id: 'artisan-favourite' }, heart('artisans', artisan.id)),
    h('p', { class: 'story' }, artisan.story),
    h('h2', {}, t('artisan.pieces')),
    products.items.length ? productGrid(products.items) : h('p', { class: 'muted' }, t('search.none')),
    pager(products, (target) => `/artisans/${encodeURIComponent(id)}${query({ page: target || '' })}`));
}
