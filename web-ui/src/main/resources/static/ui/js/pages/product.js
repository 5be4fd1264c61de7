import { field, h, announce } from '../dom.js';
import { country, money, t } from '../i18n.js';
import { api } from '../api.js';
import { cart } from '../cart.js';
import { pageHeading, productImage } from '../components.js';
import { alertBox } from '../errors.js';
import { reviewsSection, stars } from '../reviews.js';
import { heart } from '../favourites.js';
import { askForm } from '../messages.js';

export async function productPage({ params: [id], query: params, navigate }) {
  const product = (await api(`/api/products/${encodeURIComponent(id)}`)).data;
  let artisan = null;
  try {
    artisan = (await api(`/api/artisans/${encodeURIComponent(product.artisanId)}`)).data;
  } catch {
    // The maker's story is a nicety; the product shows without it.
  }
  const reviews = await reviewsSection(product, params, navigate);
  const soldOut = product.stock <= 0;
  const message = alertBox('success');
  const quantity = h('input', { name: 'quantity', type: 'number', min: '1', max: String(Math.max(1, product.stock)), value: '1', inputmode: 'numeric', required: true });
  const buy = h('form', { class: 'buy-box', onsubmit: (event) => {
    event.preventDefault();
    const wanted = Math.min(Math.max(1, Number.parseInt(quantity.value, 10) || 1), product.stock);
    if (cart.add(product, wanted)) {
      const text = t('product.added', { title: product.title });
      message.className = 'alert success';
      message.show([text, ' ', h('a', { href: '/cart' }, t('product.goToCart'))]);
      announce(text);
    } else {
      message.className = 'alert error';
      message.show(t('cart.otherCurrency', { currency: cart.currency() }));
    }
  } },
  h('p', { class: 'price' }, money(product.price)),
  h('p', { class: soldOut ? 'stock sold-out' : 'stock', id: 'stock' }, soldOut ? t('product.soldOut') : t('product.inStock', { n: product.stock })),
  soldOut ? null : field('quantity', t('product.quantity'), quantity),
  h('button', { type: 'submit', class: 'button', id: 'add-to-cart', disabled: soldOut }, t('product.addToCart')),
  message);

  const images = product.images || [];
  const main = productImage(product, 'large');
  const thumbnails = images.length > 1 ? h('ul', { class: 'thumbnails' }, images.map((src, index) =>
    h('li', {}, h('button', { type: 'button', class: 'thumbnail', 'aria-label': t('product.showImage', { n: index + 1 }),
      onclick: () => { main.src = src; } }, h('img', { src, alt: '' }))))) : null;

  return h('article', { class: 'page product-page' },
    h('nav', { class: 'breadcrumbs', 'aria-label': t('nav.breadcrumbs') },
      h('a', { href: '/' }, t('nav.home')), ' / ',
      h('a', { href: `/search?category=${product.category}` }, t(`category.${product.category}`))),
    h('div', { class: 'product-layout' },
      h('div', { class: 'gallery' }, main, thumbnails),
      h('div', { class: 'details' },
        pageHeading(product.title),
        h('p', { class: 'maker-line' }, t('product.by'), ' ',
          h('a', { href: `/artisans/${encodeURIComponent(product.artisanId)}` }, product.artisan?.displayName ?? ''),
          product.artisan?.city ? ` · ${product.artisan.city}, ${country(product.artisan.country)}` : ''),
        product.rating?.count ? h('p', { class: 'rating-line' }, h('a', { href: '#reviews' }, stars(product.rating, 'product-rating'))) : null,
        h('p', { class: 'favourite-line', id: 'product-favourite' }, heart('products', product.id, product.favouriteCount ?? 0)),
        buy,
        askForm({ productId: product.id }, navigate),
        h('h2', {}, t('product.description')),
        h('p', { class: 'description' }, product.description),
        h('dl', { class: 'facts' },
          h('dt', {}, t('product.category')), h('dd', {}, t(`category.${product.category}`)),
          product.materials?.length ? [h('dt', {}, t('product.materials')), h('dd', {}, product.materials.join(', '))] : null,
          product.tags?.length ? [h('dt', {}, t('product.tags')), h('dd', {}, product.tags.join(', '))] : null))),
    artisan ? h('section', { class: 'artisan-story', 'aria-labelledby': 'story-heading' },
      h('h2', { id: 'story-heading' }, t('product.aboutMaker', { name: artisan.displayName })),
      h('p', { class: 'muted' }, [artisan.craft, artisan.city, country(artisan.country)].filter(Boolean).join(' · ')),
      h('p', { class: 'story' }, artisan.story),
      h('p', {}, h('a', { href: `/artisans/${encodeURIComponent(artisan.id)}` }, t('product.moreFromMaker')))) : null,
    reviews);
}
