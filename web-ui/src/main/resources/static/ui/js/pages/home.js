import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { CATEGORIES, pageHeading, productGrid } from '../components.js';
import { describe } from '../errors.js';

export async function homePage() {
  let featured;
  let problem = null;
  try {
    featured = varied((await api('/api/products?inStock=true&size=60')).data.items, 8);
  } catch (error) {
    problem = describe(error);
  }
  return h('div', { class: 'page home' },
    h('section', { class: 'hero' },
      pageHeading(t('home.title')),
      h('p', { class: 'lead' }, t('home.lead')),
      h('p', {}, h('a', { class: 'button', href: '/search' }, t('home.browse')))),
    h('section', { 'aria-labelledby': 'categories-heading' },
      h('h2', { id: 'categories-heading' }, t('home.categories')),
      h('ul', { class: 'category-grid' }, CATEGORIES.map((category) =>
        h('li', {}, h('a', { class: `category-tile cat-${category.toLowerCase()}`, href: `/search?category=${category}` },
          t(`category.${category}`)))))),
    h('section', { 'aria-labelledby': 'featured-heading' },
      h('h2', { id: 'featured-heading' }, t('home.featured')),
      problem ? h('p', { class: 'alert error', role: 'alert' }, problem)
        : featured.length ? productGrid(featured) : h('p', { class: 'muted' }, t('home.empty'))));
}

/** The newest pieces, one per artisan first, so the home page shows many workshops. */
function varied(products, count) {
  const seen = new Set();
  const first = products.filter((product) => !seen.has(product.artisanId) && seen.add(product.artisanId));
  const rest = products.filter((product) => !first.includes(product));
  return [...first, ...rest].slice(0, count);
}
