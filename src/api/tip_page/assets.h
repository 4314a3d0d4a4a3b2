// The public tip pages' script (the proof of work) and style sheet, compiled into the binary
// from pow.js and tip.css so the tip line works without the web UI's build.
#pragma once

#include <string_view>

namespace escudo::api::tip_page {

std::string_view pow_script();
std::string_view style_sheet();

}  // namespace escudo::api::tip_page
