// What a tipster may attach, and the cleaning every attachment goes through before it is sealed.
//
// Accepted: JPEG and PNG pictures (their metadata removed, see metadata_strip.h) and plain UTF-8
// text. Refused: every other type (PDF, office documents, video, audio, archives), because
// escudo cannot remove what those carry about their author and device (names, software, serial
// numbers, places) without rewriting them entirely. The type is judged from the bytes, never
// from the name or the browser's word.
//
//   ESCUDO_ASSIGN_OR_RETURN(CleanAttachment a, clean_attachment("photo.jpg", bytes));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::media {

inline constexpr std::size_t kMaxAttachmentBytes = 5u << 20;
inline constexpr std::size_t kMaxAttachmentNameBytes = 200;

struct CleanAttachment {
  std::string name;        // the file name as given, without any folder part, at most 200 bytes
  std::string media_type;  // "image/jpeg", "image/png" or "text/plain"
  std::string data;
  std::vector<std::string> removed;
};

// kInvalidArgument naming the file for an empty or oversized file (over kMaxAttachmentBytes),
// a type that is not accepted, or a damaged picture.
Result<CleanAttachment> clean_attachment(std::string_view name, std::string_view data);

}  // namespace escudo::media
