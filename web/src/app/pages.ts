// The pages of the signed-in UI and the permission each needs; the navigation
// shows a page only to a user whose permissions allow it.

import type { ComponentType } from 'preact';
import type { Me, Permission } from '../api/types';
import type { MessageKey } from '../i18n';
import { AccountPage } from '../pages/account/AccountPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { CasesPage } from '../pages/cases/CasesPage';
import { CorridorPage } from '../pages/corridor/CorridorPage';
import { EntitiesPage } from '../pages/entities/EntitiesPage';
import { EntityPage } from '../pages/entity/EntityPage';
import { ImportPage } from '../pages/import/ImportPage';
import { NetworkPage } from '../pages/network/NetworkPage';
import { IncidentsPage } from '../pages/incidents/IncidentsPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { RegisterPage } from '../pages/register/RegisterPage';
import { ExtractsPage } from '../pages/extracts/ExtractsPage';
import { ReportPage } from '../pages/report/ReportPage';
import { RewardsPage } from '../pages/rewards/RewardsPage';
import { ReturnsPage } from '../pages/returns/ReturnsPage';
import { RulesPage } from '../pages/rules/RulesPage';
import { ScreeningPage } from '../pages/screening/ScreeningPage';
import { TipsPage } from '../pages/tips/TipsPage';
import { UsersPage } from '../pages/users/UsersPage';
import { WatchlistsPage } from '../pages/watchlists/WatchlistsPage';

export interface PageProps {
  me: Me;
  onMeChange: (me: Me) => void;
}

export interface PageDefinition {
  route: string;
  title: MessageKey;
  /** Needed to see the page; every signed-in user sees a page without one. */
  permission?: Permission;
  component: ComponentType<PageProps>;
  /** Reached by links only (an entity's page), never listed in the navigation. */
  hidden?: boolean;
}

/**
 * In navigation order. The first page a user may see is where they land after
 * signing in: Register for a registrar (no one else holds its permission), the
 * tip inbox for a tip handler, Rewards for the committee.
 */
export const PAGES: PageDefinition[] = [
  { route: 'register', title: 'nav.register', permission: 'registrations.create', component: RegisterPage },
  { route: 'tips', title: 'nav.tips', permission: 'tips.read', component: TipsPage },
  { route: 'rewards', title: 'nav.rewards', permission: 'rewards.read', component: RewardsPage },
  { route: 'overview', title: 'nav.overview', permission: 'transits.read', component: OverviewPage },
  { route: 'corridor', title: 'nav.corridor', permission: 'transits.read', component: CorridorPage },
  { route: 'report', title: 'nav.report', permission: 'transits.read', component: ReportPage },
  { route: 'entities', title: 'nav.entities', permission: 'entities.review', component: EntitiesPage },
  { route: 'screening', title: 'nav.screening', permission: 'screening.read', component: ScreeningPage },
  { route: 'returns', title: 'nav.returns', permission: 'returns.execute', component: ReturnsPage },
  { route: 'rules', title: 'nav.rules', permission: 'rules.manage', component: RulesPage },
  { route: 'extracts', title: 'nav.extracts', permission: 'tips.extracts', component: ExtractsPage },
  { route: 'network', title: 'nav.network', permission: 'intel.read', component: NetworkPage },
  { route: 'entity', title: 'nav.entity', permission: 'intel.read', component: EntityPage, hidden: true },
  { route: 'cases', title: 'nav.cases', permission: 'cases.figures', component: CasesPage },
  { route: 'watchlists', title: 'nav.watchlists', permission: 'watchlists.manage', component: WatchlistsPage },
  { route: 'incidents', title: 'nav.incidents', permission: 'incidents.read', component: IncidentsPage },
  { route: 'import', title: 'nav.import', permission: 'transits.import', component: ImportPage },
  { route: 'users', title: 'nav.users', permission: 'users.manage', component: UsersPage },
  { route: 'audit', title: 'nav.audit', permission: 'audit.read', component: AuditPage },
  { route: 'account', title: 'nav.account', component: AccountPage },
];

export function pagesFor(me: Me): PageDefinition[] {
  return PAGES.filter((page) => !page.permission || me.permissions.includes(page.permission));
}
