// The Link header of a GitHub list: the rel="next" URL, wherever it stands, and none on the last page.
import { nextPageLink } from '../../src/github/next-page-link.js';

const page = (n: number): string => `https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=${n}`;

it.each([
  [`<${page(2)}>; rel="next", <${page(5)}>; rel="last"`, page(2)],
  [`<${page(1)}>; rel="first", <${page(2)}>; rel="prev", <${page(4)}>; rel="next", <${page(5)}>; rel="last"`, page(4)],
  [`<${page(3)}>;rel=next`, page(3)],
  [`<${page(3)}>; rel="prev next"`, page(3)],
])('finds the next page in %s', (header, next) => {
  expect(nextPageLink(header)).toBe(next);
});

it.each([[null], [undefined], [''], [`<${page(1)}>; rel="first", <${page(4)}>; rel="prev"`], [`<${page(9)}>; rel="nextish"`]])('finds none in %j', (header) => {
  expect(nextPageLink(header)).toBeUndefined();
});
