// Every word the UI shows, in English, Azerbaijani and Uzbek (Latin); money and dates per language.

export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB' },
  { code: 'az', name: 'Azərbaycanca', locale: 'az-Latn-AZ' },
  { code: 'uz', name: 'Oʻzbekcha', locale: 'uz-Latn-UZ' },
];

const KEY = 'am.lang';
const dictionaries = {};
let current = 'en';

function initial() {
  const stored = localStorage.getItem(KEY);
  if (LANGUAGES.some((language) => language.code === stored)) return stored;
  const preferred = (navigator.languages || [navigator.language]).map((tag) => String(tag).slice(0, 2));
  return preferred.find((code) => LANGUAGES.some((language) => language.code === code)) || 'en';
}

/** Loads the dictionaries; call once before rendering. */
export async function loadLanguages() {
  await Promise.all(LANGUAGES.map(async ({ code }) => {
    const response = await fetch(`/ui/i18n/${code}.json`);
    dictionaries[code] = await response.json();
  }));
  current = initial();
  document.documentElement.lang = current;
}

export function language() {
  return current;
}

export function locale() {
  return LANGUAGES.find((language) => language.code === current).locale;
}

export function setLanguage(code) {
  if (!dictionaries[code]) return;
  current = code;
  localStorage.setItem(KEY, code);
  document.documentElement.lang = code;
  window.dispatchEvent(new CustomEvent('language-changed'));
}

/** t('cart.items', {n: 3}) → the text in the chosen language, English when missing. */
export function t(key, params = {}) {
  const text = dictionaries[current]?.[key] ?? dictionaries.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? ''));
}

/** {amount: "12.50", currency: "USD"} → "US$12.50" / "12,50 US$" as the language writes it. */
export function money(value) {
  if (!value) return '';
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: value.currency }).format(Number(value.amount));
  } catch {
    return `${value.amount} ${value.currency}`;
  }
}

export function dateTime(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
}

/** A moment as it reads in a place: the class's own time zone, in the reader's language. */
export function dateTimeIn(iso, timeZone) {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return dateTime(iso);
  }
}

export function date(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(iso)) : '';
}

export function number(value) {
  return new Intl.NumberFormat(locale()).format(value);
}

/** "AZ" → "Azerbaijan" / "Azərbaycan" / "Ozarbayjon". */
export function country(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}
