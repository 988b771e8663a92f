import { json } from '../core/reply.ts';
import { currencyFor } from './currency.ts';
import { MESSAGES, notFound } from './errors.ts';
import { selectVersions, versionJson } from './master-versions.ts';
import { paginate } from './pagination.ts';
import { masterJson, releaseJson } from './release-body.ts';
import { idParam, type Route, route } from './router.ts';

export function databaseRoutes(): Route[] {
  return [
    route('GET', '/releases/:release_id', (ctx) => {
      const id = idParam(ctx, 'release_id');
      const release = id === undefined ? undefined : ctx.store.releases.get(id);
      return release
        ? json(200, releaseJson(release, ctx.origin, currencyFor(ctx)))
        : notFound(MESSAGES.releaseNotFound);
    }),
    route('GET', '/masters/:master_id', (ctx) => {
      const id = idParam(ctx, 'master_id');
      const versions = id === undefined ? undefined : ctx.store.masters.get(id);
      return id !== undefined && versions
        ? json(200, masterJson(id, versions, ctx.origin))
        : notFound(MESSAGES.masterNotFound);
    }),
    route('GET', '/masters/:master_id/versions', (ctx) => {
      const id = idParam(ctx, 'master_id');
      const versions = id === undefined ? undefined : ctx.store.masters.get(id);
      if (!versions) return notFound(MESSAGES.masterNotFound);
      const page = paginate(selectVersions(versions, ctx.request.url), ctx.request.url, ctx.origin);
      const shelf = ctx.caller.kind === 'user' ? ctx.store.shelf(ctx.caller.user.username) : undefined;
      return json(
        200,
        {
          pagination: page.pagination,
          versions: page.items.map((release) => versionJson(release, ctx.origin, shelf)),
        },
        page.link ? { link: page.link } : {},
      );
    }),
  ];
}
