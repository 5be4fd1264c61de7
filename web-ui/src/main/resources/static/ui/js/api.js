// Calls the marketplace's API through the gateway; errors become ApiError with the problem.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** [{field, message}] from a validation problem. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * api('/api/products?q=rug') → {status, data, headers}; throws ApiError on any error,
 * with status 0 when the network failed.
 */
export async function api(path, { method = 'GET', body, headers = {}, form } = {}) {
  const requestHeaders = { Accept: 'application/json, application/problem+json', ...headers };
  const token = session.token();
  if (token) requestHeaders.Authorization = `Bearer ${token}`;
  let payload;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    requestHeaders['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: requestHeaders, body: payload });
  } catch {
    throw new ApiError(0, null, null);
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After'), 10) || null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && token) session.expired();
    throw new ApiError(response.status, data, retryAfter);
  }
  return { status: response.status, data, headers: response.headers };
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
