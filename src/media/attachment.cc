#include "media/attachment.h"

#include "base/utf8.h"
#include "media/metadata_strip.h"

namespace escudo::media {
namespace {

// The last path component, trimmed to a size and to whole UTF-8 characters; control
// characters become '_'.
std::string safe_name(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '_' : c);
  if (out.size() > kMaxAttachmentNameBytes) out.resize(kMaxAttachmentNameBytes);
  while (!out.empty() && find_invalid_utf8(out)) out.pop_back();
  if (out.empty()) out = "attachment";
  return out;
}

}  // namespace

Result<CleanAttachment> clean_attachment(std::string_view name, std::string_view data) {
  CleanAttachment out;
  out.name = safe_name(name);
  auto refuse = [&](std::string_view why) {
    return errorf(ErrorCode::kInvalidArgument, "the attached file '{}' {}", out.name, why);
  };
  if (data.empty()) return refuse("is empty");
  if (data.size() > kMaxAttachmentBytes) {
    return refuse(fmt::format("is larger than {} MB", kMaxAttachmentBytes >> 20));
  }
  if (data.size() >= 3 && data.substr(0, 3) == "\xFF\xD8\xFF") {
    auto stripped = strip_jpeg(data);
    if (!stripped) return refuse(stripped.error().message().substr(3));
    out.media_type = "image/jpeg";
    out.data = std::move(stripped->data);
    out.removed = std::move(stripped->removed);
    return out;
  }
  if (data.size() >= 8 && data.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    auto stripped = strip_png(data);
    if (!stripped) return refuse(stripped.error().message().substr(3));
    out.media_type = "image/png";
    out.data = std::move(stripped->data);
    out.removed = std::move(stripped->removed);
    return out;
  }
  // Formats that look like text but carry their author's details (PDF, RTF, office XML).
  bool document = data.starts_with("%PDF") || data.starts_with("{\\rtf") || data.starts_with(std::string_view("PK\x03\x04", 4));
  if (!document && data.find('\0') == std::string_view::npos && !find_invalid_utf8(data)) {
    out.media_type = "text/plain";
    out.data = std::string(data);
    return out;
  }
  return refuse(
      "is not a JPEG or PNG picture or plain text; other files (PDF, documents, video, audio) "
      "carry hidden details about their author and device that escudo cannot remove, so they "
      "are not accepted: take a photo or a screenshot instead");
}

}  // namespace escudo::media
