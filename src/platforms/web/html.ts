/**
 * HTML built with a tagged template that escapes every interpolated value unless it is already SafeHtml. Candidate
 * and recruiter text can only reach a page through it, so markup in an answer shows as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Static scripts under /web/static/; never inline (the CSP forbids it). */
  scripts?: string[];
  nav?: boolean;
}

const NAV = html`<nav aria-label="Sandbox"><ul class="nav">
  <li><a href="/">Recruiter console</a></li><li><a href="/hiring">Hiring channel</a></li></ul></nav>`;

export function page(options: PageOptions): string {
  const scripts = (options.scripts ?? []).map((name) => html`<script src="/web/static/${name}" defer></script>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Screener</title><link rel="stylesheet" href="/web/static/app.css">${scripts}</head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><span class="brand">Screener</span>${options.nav ? NAV : ''}</header>
<main id="main" tabindex="-1">${options.body}</main></body></html>`.value;
}
