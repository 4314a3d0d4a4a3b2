// Removing what photos say about the person who took them, before a tip's attachment is stored.
//
// A phone's photo carries far more than pixels: EXIF (GPS position, camera make, model and
// serial number, time), XMP and IPTC (author, place, editing history), ICC profiles named after
// the device, embedded thumbnails (which may show the uncropped picture), comments, and data
// appended after the image (some phones store more photos or depth maps there). These functions
// rebuild the file from the parts needed to show the picture and drop everything else. They only
// walk the container (JPEG segments, PNG chunks); they never parse the metadata they remove, so a
// hostile file has little to attack.
//
//   ESCUDO_ASSIGN_OR_RETURN(StrippedImage clean, strip_jpeg(bytes));
//   store(clean.data);   // clean.removed lists what went: {"EXIF", "XMP", "comment"}
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::media {

struct StrippedImage {
  std::string data;
  std::vector<std::string> removed;  // what was dropped, each kind once, in order of appearance
};

// Keeps SOI, the JFIF header (without its thumbnail), Adobe's colour-transform segment,
// quantisation and Huffman tables, frame and scan headers, restart intervals, the entropy-coded
// data and EOI; drops every other APPn segment (EXIF, XMP, IPTC, ICC, MPF, maker data), comments
// and anything after EOI. kInvalidArgument for a file that is not a complete baseline or
// progressive JPEG.
Result<StrippedImage> strip_jpeg(std::string_view jpeg);

// Keeps IHDR, PLTE, IDAT, IEND and the chunks that change how pixels look (tRNS, gAMA, cHRM,
// sRGB, sBIT, bKGD, pHYs); drops text (tEXt, zTXt, iTXt), eXIf, tIME, iCCP, every other chunk
// and anything after IEND. kInvalidArgument for a damaged file (bad signature, chunk lengths or
// CRCs).
Result<StrippedImage> strip_png(std::string_view png);

// CRC-32 as PNG uses it (ISO 3309), exposed for tests that build PNGs.
std::uint32_t png_crc32(std::string_view data);

}  // namespace escudo::media
