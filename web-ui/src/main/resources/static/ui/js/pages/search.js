import { field, h } from '../dom.js';
import { country, number, t } from '../i18n.js';
import { api, query } from '../api.js';
import { CATEGORIES, pageHeading, pageParam, pager, productGrid } from '../components.js';
import { describe } from '../errors.js';

const FILTERS = ['q', 'category', 'country', 'craft', 'minPrice', 'maxPrice', 'minRating', 'inStock', 'sort'];

export async function searchPage({ query: params, navigate }) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const page = pageParam(params);
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
  field('filter-rating', t('search.minRating'), h('select', { name: 'minRating' },
    h('option', { value: '' }, t('search.any')),
    ['4', '3'].map((value) => h('option', { value, selected: filters.minRating === value }, t('search.ratingAtLeast', { n: value }))))),
  h('input', { type: 'hidden', name: 'craft', value: filters.craft }),
  field('filter-sort', t('search.sort'), h('select', { name: 'sort' },
    sorts(filters).map((sort) => h('option', { value: sort, selected: (filters.sort || defaultSort(filters)) === sort }, t(`search.sort.${sort}`))))),
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
        h('summary', {}, t('search.filters')), form),
      result ? facetPanel(result.facets, filters) : null),
      h('section', { 'aria-live': 'polite', class: 'results' },
        problem ? h('p', { class: 'alert error', role: 'alert' }, problem)
          : [h('p', { class: 'result-count', id: 'result-count' }, t('search.count', { n: number(result.totalItems) })),
            result.items.length ? productGrid(result.items) : h('p', { class: 'muted' }, t('search.none')),
            pager(result, hrefFor)])));
}

// With words to find, the best match comes first; without, the newest.
const defaultSort = (filters) => (filters.q ? 'relevance' : 'newest');

const sorts = (filters) => [filters.q ? 'relevance' : null, 'newest', 'price_asc', 'price_desc', 'rating'].filter(Boolean);

/**
 * The counts of every result per category, country, craft, price band and stock, as links
 * that add (or, when chosen, take away) that filter.
 */
function facetPanel(facets, filters) {
  if (!facets) return null;
  const href = (changes) => `/search${query({ ...filters, ...changes, page: '' })}`;
  const choice = (label, count, active, changes) => h('li', {},
    h('a', { href: href(changes), class: active ? 'facet active' : 'facet', 'aria-current': active ? 'true' : null },
      h('span', { class: 'facet-label' }, label), ' ', h('span', { class: 'facet-count' }, number(count))));
  const group = (id, heading, items) => (items.length
    ? h('section', { class: 'facet-group', id, 'aria-labelledby': `${id}-heading` },
      h('h3', { id: `${id}-heading` }, heading), h('ul', { class: 'facet-list' }, items))
    : null);
  const simple = (name, values, label) => values.filter((entry) => entry.count > 0).map((entry) => {
    const active = filters[name] === entry.value;
    return choice(label(entry.value), entry.count, active, { [name]: active ? '' : entry.value });
  });
  const bands = facets.priceBand.filter((band) => band.count > 0).map((band) => {
    const active = filters.minPrice === String(band.min) && filters.maxPrice === (band.max ?? '');
    const label = band.max ? `${number(band.min)}–${number(band.max)}` : t('search.facet.above', { min: number(band.min) });
    return choice(label, band.count, active, active ? { minPrice: '', maxPrice: '' } : { minPrice: band.min, maxPrice: band.max ?? '' });
  });
  const inStock = facets.inStock.find((entry) => entry.value === 'true');
  const soldOut = facets.inStock.find((entry) => entry.value === 'false');
  const stock = [
    inStock && inStock.count > 0 ? choice(t('search.facet.inStock'), inStock.count, filters.inStock === 'true', { inStock: filters.inStock === 'true' ? '' : 'true' }) : null,
    soldOut && soldOut.count > 0 && filters.inStock !== 'true'
      ? h('li', {}, h('span', { class: 'facet' }, h('span', { class: 'facet-label' }, t('search.facet.soldOut')), ' ', h('span', { class: 'facet-count' }, number(soldOut.count))))
      : null].filter(Boolean);
  const anyChosen = ['category', 'country', 'craft', 'minPrice', 'maxPrice', 'inStock'].some((name) => filters[name]);
  return h('nav', { class: 'facets', id: 'facets', 'aria-label': t('search.refine') },
    group('facet-category', t('search.category'), simple('category', facets.category, (value) => t(`category.${value}`))),
    group('facet-country', t('search.country'), simple('country', facets.country, (value) => country(value))),
    group('facet-craft', t('search.craft'), simple('craft', facets.craft, (value) => value)),
    group('facet-price', t('search.priceBand'), bands),
    group('facet-stock', t('search.availability'), stock),
    anyChosen ? h('p', {}, h('a', { href: `/search${query({ q: filters.q, sort: filters.sort })}`, id: 'clear-filters' }, t('search.facet.clear'))) : null);
}
