import type { PersonImpact, WorkfrontPage } from "./types";

/**
 * The address of an object in Workfront's web UI: the tenant's origin, the object's page and its
 * ID (`https://acme.my.workfront.com/project/<ID>`). The API base carries the origin; nothing of
 * the credential is in it.
 */
export function workfrontLink(apiBase: string, page: WorkfrontPage, id: string): string {
  return `${new URL(apiBase).origin}/${page}/${id}`;
}

/** The impact with each item's link as a full address, for the page and the API. */
export function withLinks(apiBase: string, impact: PersonImpact) {
  return {
    ...impact,
    categories: impact.categories.map((category) => ({
      ...category,
      items: category.items.map((item) => ({
        ...item,
        href: item.link ? workfrontLink(apiBase, item.link.page, item.link.id) : null,
      })),
    })),
  };
}

export type PersonImpactDto = ReturnType<typeof withLinks>;
