import type { Context, FetchOptions } from '@microsoft/microsoft-graph-client';

/** Small accessors over the SDK's middleware `Context`, whose request may be a URL or a `Request`. */

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  const method =
    context.options?.method ?? (typeof context.request === 'string' ? 'GET' : context.request.method);
  return method.toUpperCase();
}

/** Sets a header on the options the SDK built (a plain record), or on a `Headers` / tuple list. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  const options: FetchOptions = context.options ?? {};
  context.options = options;
  const headers = options.headers;
  if (headers === undefined) {
    options.headers = { [name]: value };
  } else if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    const kept = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
    options.headers = [...kept, [name, value]];
  } else {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    }
    headers[name] = value;
  }
}

export function removeRequestHeader(context: Context, name: string): void {
  const headers = context.options?.headers;
  if (headers === undefined || context.options === undefined) return;
  if (headers instanceof Headers) {
    headers.delete(name);
  } else if (Array.isArray(headers)) {
    context.options.headers = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
  } else {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    }
  }
}
