import { field, h } from '../dom.js';
import { country, number, t } from '../i18n.js';
import { api, query } from '../api.js';
import { CATEGORIES, pageHeading, pager, productGrid } from '../components.js';
import { describe } from '../errors.js';

const FILTERS = ['q', 'category', 'country', 'minPrice', 'maxPrice', 'inStock', 'sort'];

export async function searchPage({ query: params, navigate }) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const page = Math.max(0, Number.parseInt(params.get('page'), 10) || 0);
  let result = null;
  let problem = null;
  try {
    result = (await api(`/api/products${query({ ...filters, page, size: 20 })}`)).data;
  } catch (error) {
    problem = describe(error);
  }

  const hrefFor = (target) => `/search${query({ ...filters, page: target || '' })}`;
  const form = h('form', { class: 'filters', 'aria-label': t('search.filters'),
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const chosen = Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '').trim()]));
      navigate(`/search${query(chosen)}`);
    } },
  field('filter-q', t('search.label'), h('input', { name: 'q', type: 'search', value: filters.q })),
  field('filter-category', t('search.category'), h('select', { name: 'category' },
    h('option', { value: '' }, t('search.any')),
    CATEGORIES.map((category) => h('option', { value: category, selected: filters.category === category }, t(`category.${category}`))))),
  field('filter-country', t('search.country'), h('select', { name: 'country' },
    h('option', { value: '' }, t('search.any')),
    ['AZ', 'UZ'].map((code) => h('option', { value: code, selected: filters.country === code }, country(code))))),
  h('div', { class: 'field-row' },
    field('filter-min', t('search.minPrice'), h('input', { name: 'minPrice', type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: filters.minPrice })),
    field('filter-max', t('search.maxPrice'), h('input', { name: 'maxPrice', type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: filters.maxPrice }))),
  field('filter-sort', t('search.sort'), h('select', { name: 'sort' },
    ['newest', 'price_asc', 'price_desc'].map((sort) => h('option', { value: sort, selected: (filters.sort || 'newest') === sort }, t(`search.sort.${sort}`))))),
  h('div', { class: 'field checkbox' },
    h('input', { id: 'filter-in-stock', name: 'inStock', type: 'checkbox', value: 'true', checked: filters.inStock === 'true' }),
    h('label', { for: 'filter-in-stock' }, t('search.inStock'))),
  h('button', { type: 'submit', class: 'button' }, t('search.apply')));

  const heading = filters.q ? t('search.titleFor', { q: filters.q }) : filters.category ? t(`category.${filters.category}`) : t('search.title');
  return h('div', { class: 'page search-page' },
    pageHeading(heading),
    h('div', { class: 'search-layout' },
      // On a phone the filters fold away so the results come first.
      h('aside', {}, h('details', { class: 'filters-box', open: window.matchMedia('(min-width: 900px)').matches },
        h('summary', {}, t('search.filters')), form)),
      h('section', { 'aria-live': 'polite', class: 'results' },
        problem ? h('p', { class: 'alert error', role: 'alert' }, problem)
          : [h('p', { class: 'result-count', id: 'result-count' }, t('search.count', { n: number(result.totalItems) })),
            result.items.length ? productGrid(result.items) : h('p', { class: 'muted' }, t('search.none')),
            pager(result, hrefFor)])));
}
