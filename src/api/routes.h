// Registers every API route on a Router. One file per area: routes_session.cc (sign-in, me),
// routes_users.cc, routes_audit.cc, routes_transits.cc, routes_stats.cc, routes_system.cc
// (health, OpenAPI).
#pragma once

#include "api/router.h"
#include "service/services.h"

namespace escudo::api {

struct RouteOptions {
  bool secure_cookies = false;  // add `Secure` to the session cookie (behind TLS)
};

void add_session_routes(Router& router, service::Services& services, const RouteOptions& options);
void add_user_routes(Router& router, service::Services& services);
void add_audit_routes(Router& router, service::Services& services);
void add_transit_routes(Router& router, service::Services& services);
void add_stats_routes(Router& router, service::Services& services);
void add_registration_routes(Router& router, service::Services& services);
void add_entity_routes(Router& router, service::Services& services);
// The tip line's public JSON routes (routes_tips_public.cc) and HTML pages (routes_tip_page.cc),
// the tip desk (routes_tips.cc) and the rewards programme (routes_rewards.cc).
void add_public_tip_routes(Router& router, service::Services& services);
void add_tip_page_routes(Router& router, service::Services& services);
void add_tip_routes(Router& router, service::Services& services);
void add_reward_routes(Router& router, service::Services& services);
void add_intel_routes(Router& router, service::Services& services);
void add_case_routes(Router& router, service::Services& services);
// Screening, protection needs and returns (routes_screening.cc).
void add_screening_routes(Router& router, service::Services& services);
// Protection incidents, hotspots, sectors, plans and operations (routes_incidents.cc).
void add_incident_routes(Router& router, service::Services& services);
// Health and the OpenAPI description; call last, so the description lists every route.
void add_system_routes(Router& router);

void add_all_routes(Router& router, service::Services& services, const RouteOptions& options);

}  // namespace escudo::api
