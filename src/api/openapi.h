// The OpenAPI 3.1 description of every route on a Router, built from the route table so it
// cannot drift from what the server does.
#pragma once

#include <string>

#include "api/router.h"

namespace escudo::api {

std::string openapi_document(const Router& router);

}  // namespace escudo::api
