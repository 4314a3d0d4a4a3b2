#include <algorithm>
#include <array>
#include <cstdint>

#include "media/metadata_strip.h"

namespace escudo::media {
namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);

// Chunks needed to show the picture as its author saw it. Everything else is dropped.
constexpr std::array<std::string_view, 11> kKept = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA",
                                                    "cHRM", "sRGB", "sBIT", "bKGD", "pHYs"};

std::unexpected<Error> bad(std::string_view why) {
  return errorf(ErrorCode::kInvalidArgument, "it is not a readable PNG picture ({})", why);
}

std::uint32_t read_u32(std::string_view s, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 3]));
}

std::string_view describe(std::string_view type) {
  if (type == "tEXt" || type == "zTXt" || type == "iTXt") return "text";
  if (type == "eXIf") return "EXIF";
  if (type == "tIME") return "time";
  if (type == "iCCP") return "ICC profile";
  return "other chunks";
}

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::uint32_t png_crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> kTable = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = kTable[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Result<StrippedImage> strip_png(std::string_view in) {
  if (in.substr(0, kSignature.size()) != kSignature) return bad("no PNG signature");
  StrippedImage out;
  out.data.reserve(in.size());
  out.data.append(kSignature);
  std::size_t pos = kSignature.size();
  bool first = true;
  bool seen_data = false;
  while (true) {
    if (pos + 12 > in.size()) return bad("the file ends before the IEND chunk");
    std::uint32_t length = read_u32(in, pos);
    if (length > 0x7FFFFFFFu || in.size() - pos - 12 < length) {
      return bad("a chunk is longer than the file");
    }
    std::string_view type = in.substr(pos + 4, 4);
    if (!std::all_of(type.begin(), type.end(), is_letter)) return bad("a chunk has a bad name");
    std::string_view typed_data = in.substr(pos + 4, 4 + length);
    std::uint32_t crc = read_u32(in, pos + 8 + length);
    if (png_crc32(typed_data) != crc) return bad("a chunk is damaged (CRC mismatch)");
    std::string_view chunk = in.substr(pos, 12 + length);
    pos += 12 + length;
    if (first && type != "IHDR") return bad("it does not begin with IHDR");
    if (first && length != 13) return bad("the IHDR chunk has the wrong size");
    first = false;
    if (type == "IDAT") seen_data = true;
    if (std::find(kKept.begin(), kKept.end(), type) != kKept.end()) {
      out.data.append(chunk);
    } else {
      // A critical chunk we do not know (upper-case first letter) would change the picture.
      if (type[0] >= 'A' && type[0] <= 'Z') return bad("it holds an unknown critical chunk");
      std::string_view what = describe(type);
      if (std::find(out.removed.begin(), out.removed.end(), what) == out.removed.end()) {
        out.removed.emplace_back(what);
      }
    }
    if (type == "IEND") {
      if (!seen_data) return bad("it has no image data");
      if (pos < in.size()) {
        if (std::find(out.removed.begin(), out.removed.end(), "data after the image") ==
            out.removed.end()) {
          out.removed.emplace_back("data after the image");
        }
      }
      return out;
    }
  }
}

}  // namespace escudo::media
