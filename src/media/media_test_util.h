// Small, well-formed pictures built byte by byte, with the metadata a phone would add.
#pragma once

#include <string>
#include <string_view>

#include "media/metadata_strip.h"

namespace escudo::media::testing {

inline std::string segment(unsigned char marker, std::string_view payload) {
  std::string out = "\xFF";
  out.push_back(static_cast<char>(marker));
  std::size_t length = payload.size() + 2;
  out.push_back(static_cast<char>(length >> 8));
  out.push_back(static_cast<char>(length & 0xFF));
  out.append(payload);
  return out;
}

// The parts of a JPEG that make the picture, in order: tables, frame, scan and its data.
inline std::string jpeg_picture_parts() {
  std::string dqt = segment(0xDB, std::string(1, '\0') + std::string(64, '\x10'));
  std::string sof = segment(0xC0, std::string("\x08\x00\x10\x00\x10\x01\x01\x11\x00", 9));
  std::string dht = segment(0xC4, std::string("\x00", 1) + std::string(16, '\x01') + "ABCDEFGHIJKLMNOP");
  std::string sos = segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
  // Entropy-coded bytes with a stuffed 0xFF00 and a restart marker, as real scans have.
  std::string data("\x12\x34\xFF\x00\x56\xFF\xD0\x78\x9A", 9);
  return dqt + sof + dht + sos + data;
}

// GPS 8°30'N 77°20'W and a camera serial number, in an EXIF block.
inline constexpr std::string_view kGpsMarker = "GPSLatitude 8 30 0 N GPSLongitude 77 20 0 W";
inline constexpr std::string_view kSerialMarker = "BodySerialNumber SN-4471-XK";

inline std::string jpeg_with_metadata() {
  std::string exif = std::string("Exif\0\0", 6) + "MM\x00\x2A" + std::string(kGpsMarker) +
                     std::string(kSerialMarker);
  std::string xmp = std::string("http://ns.adobe.com/xap/1.0/\0", 29) +
                    "<x:xmpmeta><photoshop:City>Acandi</photoshop:City></x:xmpmeta>";
  std::string jfif("JFIF\0\x01\x02\x00\x00\x48\x00\x48\x01\x01", 14);
  jfif += std::string(3, '\x7F');  // a 1x1 RGB thumbnail
  std::string iptc = std::string("Photoshop 3.0\0", 14) + "8BIM byline: Officer Ruiz";
  return std::string("\xFF\xD8", 2) + segment(0xE0, jfif) + segment(0xE1, exif) +
         segment(0xE1, xmp) + segment(0xED, iptc) + segment(0xFE, "taken with Pixel 7") +
         jpeg_picture_parts() + "\xFF\xD9" + "SEFT trailer: more photos";
}

inline std::string png_chunk(std::string_view type, std::string_view data) {
  std::string out;
  std::uint32_t n = static_cast<std::uint32_t>(data.size());
  for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<char>((n >> shift) & 0xFF));
  std::string typed = std::string(type) + std::string(data);
  out += typed;
  std::uint32_t crc = png_crc32(typed);
  for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<char>((crc >> shift) & 0xFF));
  return out;
}

inline std::string png_picture_chunks_before_data() {
  return png_chunk("IHDR", std::string("\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00", 13)) +
         png_chunk("gAMA", std::string("\x00\x00\xB1\x8F", 4));
}

inline std::string png_with_metadata() {
  std::string idat = png_chunk("IDAT", std::string("\x78\x9C\x63\xF8\xCF\xC0\x00\x00\x03\x01\x01\x00", 12));
  return std::string("\x89PNG\r\n\x1a\n", 8) + png_picture_chunks_before_data() +
         png_chunk("tEXt", std::string("Author\0Officer Ruiz", 19)) +
         png_chunk("eXIf", std::string("MM\x00\x2A", 4) + std::string(kGpsMarker)) +
         png_chunk("tIME", std::string("\x07\xE9\x01\x02\x03\x04\x05", 7)) + idat +
         png_chunk("iTXt", std::string("XML:com.adobe.xmp\0\0\0\0\0<City>Acandi</City>", 41)) +
         png_chunk("IEND", "") + "appended";
}

}  // namespace escudo::media::testing
