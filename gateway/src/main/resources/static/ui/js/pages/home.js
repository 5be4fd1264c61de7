import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { CATEGORIES, pageHeading, productGrid } from '../components.js';
import { describe } from '../errors.js';

export async function homePage() {
  let featured;
  let problem = null;
  try {
    featured = (await api('/api/products?inStock=true&size=8')).data.items;
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
