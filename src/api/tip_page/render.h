// The public tip pages as HTML: small (a few kilobytes), no framework, no third-party asset,
// usable without JavaScript except for the proof of work. Each page names its language and
// links to the others.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/tip_page/strings.h"
#include "model/tip.h"
#include "service/tip_service.h"

namespace escudo::api::tip_page {

struct FormChallenge {
  std::string challenge;
  int difficulty = 0;
};

// A problem to show, already in the page's language, linked to the field with this id.
struct PageProblem {
  std::string field_id;
  std::string message;
};

std::string html_escape(std::string_view text);

std::string form_page(const Strings& s, const FormChallenge& challenge,
                      const std::map<std::string, std::string>& values,
                      const std::vector<PageProblem>& problems);
std::string receipt_page(const Strings& s, std::string_view receipt,
                         const std::vector<service::AttachmentReport>& attachments);
std::string status_page(const Strings& s, const FormChallenge& challenge,
                        const std::vector<PageProblem>& problems);
std::string conversation_page(const Strings& s, const service::TipsterView& view,
                              std::string_view receipt, const FormChallenge& challenge,
                              std::optional<std::string_view> notice,
                              const std::vector<PageProblem>& problems);

}  // namespace escudo::api::tip_page
