/**
 * What a page offers to follow: links (`<a href>`), htmx requests (`hx-get`/`hx-post`, with `hx-vals`),
 * and forms with the values a browser would submit as they stand (text inputs and textareas as filled,
 * the checked boxes and radios, the selected — or first — option of each select; file inputs become a
 * small file). Only paths of our own origin are kept.
 */
import { Parser } from 'htmlparser2';
import { visibleText } from './tenant-values.ts';

export type Method = 'GET' | 'POST';

export interface Target {
  method: Method;
  /** Path with query string, e.g. `/usuarios?base=1001`. */
  url: string;
  /** Form fields (POST), in document order; a name may repeat. */
  fields?: Array<[string, string]>;
  /** Names of file inputs (sent as multipart with a small file each). */
  files?: string[];
  /** Where it was found: `link`, `form`, `hx-get`, `hx-post`. */
  via: 'link' | 'form' | 'hx-get' | 'hx-post';
}

/** Our own path for an href/action, or null (other origins, fragments, javascript:, mailto:). */
export function ownPath(raw: string | undefined, base: string): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  if (value === '' || value.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, `http://localhost${base}`);
  } catch {
    return null;
  }
  if (url.origin !== 'http://localhost') return null;
  return url.pathname + url.search;
}

interface OpenForm {
  method: Method;
  action: string | null;
  multipart: boolean;
  fields: Array<[string, string]>;
  files: string[];
  select: { name: string; first: string | null; chosen: string | null } | null;
  textarea: { name: string; text: string } | null;
  option: { value: string | null; text: string; selected: boolean } | null;
}

function withQuery(path: string, fields: Array<[string, string]>): string {
  const url = new URL(path, 'http://localhost');
  for (const [name] of fields) url.searchParams.delete(name);
  for (const [name, value] of fields) url.searchParams.append(name, value);
  return url.pathname + url.search;
}

/** Every target of one HTML page fetched at `pagePath`. */
export function targetsOf(html: string, pagePath: string): Target[] {
  const out: Target[] = [];
  let form: OpenForm | null = null;
  const hx = (attrs: Record<string, string>) => {
    for (const [attr, method] of [['hx-get', 'GET'], ['hx-post', 'POST']] as const) {
      const path = ownPath(attrs[attr], pagePath);
      if (!path) continue;
      let vals: Array<[string, string]> = [];
      try {
        if (attrs['hx-vals']) vals = Object.entries(JSON.parse(attrs['hx-vals']) as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
      } catch {
        vals = [];
      }
      if (attrs.name && attrs.value !== undefined) vals.push([attrs.name, attrs.value]);
      out.push(method === 'GET' ? { method, url: withQuery(path, vals), via: 'hx-get' } : { method, url: path, fields: vals, via: 'hx-post' });
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        hx(attrs);
        if (name === 'a') {
          const path = ownPath(attrs.href, pagePath);
          if (path) out.push({ method: 'GET', url: path, via: 'link' });
        } else if (name === 'form') {
          const method = (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
          form = { method, action: attrs.action ?? pagePath, multipart: /multipart/i.test(attrs.enctype ?? ''), fields: [], files: [], select: null, textarea: null, option: null };
        } else if (form && attrs.name && !('disabled' in attrs)) {
          if (name === 'input') {
            const type = (attrs.type ?? 'text').toLowerCase();
            if (type === 'file') form.files.push(attrs.name);
            else if (type === 'checkbox' || type === 'radio') {
              if ('checked' in attrs) form.fields.push([attrs.name, attrs.value ?? 'on']);
            } else if (type !== 'submit' && type !== 'button' && type !== 'image' && type !== 'reset') form.fields.push([attrs.name, attrs.value ?? '']);
          } else if (name === 'select') form.select = { name: attrs.name, first: null, chosen: null };
          else if (name === 'textarea') form.textarea = { name: attrs.name, text: '' };
          else if (name === 'button' && attrs.value !== undefined && (attrs.type ?? 'submit') === 'submit') form.fields.push([attrs.name, attrs.value]);
        }
        if (form?.select && name === 'option') form.option = { value: attrs.value ?? null, text: '', selected: 'selected' in attrs };
      },
      ontext(text) {
        if (form?.textarea) form.textarea.text += text;
        if (form?.option) form.option.text += text;
      },
      onclosetag(name) {
        if (!form) return;
        if (name === 'option' && form.option && form.select) {
          const value = form.option.value ?? form.option.text.trim();
          form.select.first ??= value;
          if (form.option.selected) form.select.chosen = value;
          form.option = null;
        } else if (name === 'select' && form.select) {
          const value = form.select.chosen ?? form.select.first;
          if (value !== null) form.fields.push([form.select.name, value]);
          form.select = null;
        } else if (name === 'textarea' && form.textarea) {
          // htmlparser2 leaves a textarea's text as written; a browser decodes its entities.
          form.fields.push([form.textarea.name, visibleText(form.textarea.text)]);
          form.textarea = null;
        } else if (name === 'form') {
          const f = form as OpenForm;
          const action = ownPath(f.action ?? pagePath, pagePath);
          if (action) {
            out.push(
              f.method === 'GET'
                ? { method: 'GET', url: withQuery(action, f.fields), via: 'form' }
                : { method: 'POST', url: action, fields: f.fields, ...(f.multipart || f.files.length > 0 ? { files: f.files } : {}), via: 'form' },
            );
          }
          form = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
