#include <algorithm>
#include <cstdint>

#include "media/metadata_strip.h"

namespace escudo::media {
namespace {

constexpr std::uint8_t kSoi = 0xD8;
constexpr std::uint8_t kEoi = 0xD9;
constexpr std::uint8_t kSos = 0xDA;
constexpr std::uint8_t kCom = 0xFE;
constexpr std::uint8_t kApp0 = 0xE0;
constexpr std::uint8_t kApp14 = 0xEE;

std::unexpected<Error> bad(std::string_view why) {
  return errorf(ErrorCode::kInvalidArgument, "it is not a readable JPEG photo ({})", why);
}

void note(std::vector<std::string>& removed, std::string_view what) {
  if (std::find(removed.begin(), removed.end(), what) == removed.end()) {
    removed.emplace_back(what);
  }
}

// What an APPn segment holds, by its identifier, for the report.
std::string_view describe_app(std::uint8_t marker, std::string_view payload) {
  auto starts = [&](std::string_view id) { return payload.substr(0, id.size()) == id; };
  if (marker == 0xE1 && starts(std::string_view("Exif\0", 5))) return "EXIF";
  if (marker == 0xE1 && starts("http://ns.adobe.com/xap/1.0/")) return "XMP";
  if (marker == 0xE1 && starts("http://ns.adobe.com/xmp/extension/")) return "XMP";
  if (marker == 0xE2 && starts("ICC_PROFILE")) return "ICC profile";
  if (marker == 0xE2 && starts("MPF")) return "multi-picture data";
  if (marker == 0xED && starts("Photoshop 3.0")) return "IPTC";
  if (marker == 0xE0 && starts("JFXX")) return "thumbnail";
  return "maker data";
}

bool is_frame_or_table(std::uint8_t m) {
  return (m >= 0xC0 && m <= 0xCF) ||  // SOFn, DHT (C4), JPG (C8), DAC (CC)
         m == 0xDB || m == 0xDC || m == 0xDD || m == 0xDE || m == 0xDF;  // DQT DNL DRI DHP EXP
}

}  // namespace

Result<StrippedImage> strip_jpeg(std::string_view in) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(in[i]); };
  if (in.size() < 4 || byte(0) != 0xFF || byte(1) != kSoi) return bad("no start-of-image marker");
  StrippedImage out;
  out.data.reserve(in.size());
  out.data.append("\xFF\xD8", 2);
  std::size_t pos = 2;
  bool seen_frame = false;
  bool seen_scan = false;
  while (true) {
    if (pos >= in.size()) return bad("the file ends before the end-of-image marker");
    if (byte(pos) != 0xFF) return bad("a segment does not start with a marker");
    while (pos < in.size() && byte(pos) == 0xFF) ++pos;  // fill bytes
    if (pos >= in.size()) return bad("the file ends inside a marker");
    std::uint8_t marker = byte(pos++);
    if (marker == kEoi) {
      if (!seen_frame || !seen_scan) return bad("it has no image data");
      out.data.append("\xFF\xD9", 2);
      if (pos < in.size()) note(out.removed, "data after the image");
      return out;
    }
    if (marker >= 0xD0 && marker <= 0xD7) {  // a restart marker between scans: no payload
      out.data.push_back('\xFF');
      out.data.push_back(static_cast<char>(marker));
      continue;
    }
    if (marker == kSoi || marker == 0x00 || marker == 0x01 || (marker >= 0x02 && marker < 0xC0)) {
      return bad("it holds an unexpected marker");
    }
    if (pos + 2 > in.size()) return bad("the file ends inside a segment header");
    std::size_t length = (static_cast<std::size_t>(byte(pos)) << 8) | byte(pos + 1);
    if (length < 2 || pos + length > in.size()) return bad("a segment is longer than the file");
    std::string_view segment = in.substr(pos - 2, length + 2);  // marker + length + payload
    std::string_view payload = in.substr(pos + 2, length - 2);
    pos += length;

    if (marker >= kApp0 && marker <= 0xEF) {
      if (marker == kApp0 && payload.size() >= 14 && payload.substr(0, 5) == std::string_view("JFIF\0", 5)) {
        // The JFIF header stays (pixel density); its thumbnail goes.
        std::string header(payload.substr(0, 14));
        if (header[12] != 0 || header[13] != 0 || payload.size() > 14) note(out.removed, "thumbnail");
        header[12] = 0;
        header[13] = 0;
        out.data.append("\xFF\xE0\x00\x10", 4);
        out.data.append(header);
      } else if (marker == kApp14 && payload.substr(0, 5) == "Adobe") {
        out.data.append(segment);  // the colour transform a CMYK or YCCK decoder needs
      } else {
        note(out.removed, describe_app(marker, payload));
      }
      continue;
    }
    if (marker == kCom) {
      note(out.removed, "comment");
      continue;
    }
    if (marker != kSos && !is_frame_or_table(marker)) return bad("it holds an unknown segment");
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      seen_frame = true;
    }
    out.data.append(segment);
    if (marker != kSos) continue;
    if (!seen_frame) return bad("a scan comes before the frame header");
    seen_scan = true;
    // Entropy-coded data: copied up to the next marker that is not a stuffed 0xFF00 or a
    // restart marker.
    std::size_t start = pos;
    while (true) {
      if (pos + 1 >= in.size()) return bad("the file ends inside the image data");
      if (byte(pos) == 0xFF) {
        std::uint8_t next = byte(pos + 1);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          pos += 2;
          continue;
        }
        if (next == 0xFF) {  // fill before a marker
          ++pos;
          continue;
        }
        break;
      }
      ++pos;
    }
    // Trailing fill bytes before the marker are harmless; keep the data as it was.
    std::size_t end = pos;
    while (end > start && byte(end - 1) == 0xFF) --end;
    out.data.append(in.substr(start, end - start));
    pos = end;
  }
}

}  // namespace escudo::media
