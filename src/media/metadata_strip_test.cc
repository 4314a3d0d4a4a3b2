#include <gtest/gtest.h>

#include <random>

#include "media/attachment.h"
#include "media/media_test_util.h"
#include "media/metadata_strip.h"

namespace escudo::media {
namespace {

using namespace escudo::media::testing;

TEST(JpegStripTest, ExifGpsXmpIptcCommentsThumbnailAndTrailerAreGone) {
  std::string in = jpeg_with_metadata();
  ASSERT_NE(in.find(kGpsMarker), std::string::npos);
  auto out = strip_jpeg(in);
  ASSERT_TRUE(out.has_value()) << out.error().to_string();
  for (std::string_view gone : {kGpsMarker, kSerialMarker, std::string_view("Acandi"),
                                std::string_view("Exif"), std::string_view("Officer Ruiz"),
                                std::string_view("Pixel 7"), std::string_view("SEFT")}) {
    EXPECT_EQ(out->data.find(gone), std::string::npos) << gone;
  }
  // Exactly the picture remains: SOI, the JFIF header without its thumbnail, the tables, frame,
  // scan and data byte for byte, EOI.
  std::string expected = std::string("\xFF\xD8", 2) +
                         segment(0xE0, std::string("JFIF\0\x01\x02\x00\x00\x48\x00\x48\x00\x00", 14)) +
                         jpeg_picture_parts() + "\xFF\xD9";
  EXPECT_EQ(out->data, expected);
  EXPECT_EQ(out->removed, (std::vector<std::string>{"thumbnail", "EXIF", "XMP", "IPTC", "comment",
                                                    "data after the image"}));
}

TEST(JpegStripTest, AdobeColourSegmentStaysAndCleanFilesAreUnchanged) {
  std::string clean = std::string("\xFF\xD8", 2) + segment(0xEE, std::string("Adobe\x00\x64\x00\x00\x00\x00\x02", 12)) +
                      jpeg_picture_parts() + "\xFF\xD9";
  auto out = strip_jpeg(clean);
  ASSERT_TRUE(out.has_value()) << out.error().to_string();
  EXPECT_EQ(out->data, clean);
  EXPECT_TRUE(out->removed.empty());
}

TEST(JpegStripTest, DamagedFilesAreRefusedNeverCrash) {
  std::string in = jpeg_with_metadata();
  std::size_t eoi = in.rfind("\xFF\xD9");
  for (std::size_t n = 0; n < eoi; ++n) {  // every truncation before the end marker
    auto out = strip_jpeg(in.substr(0, n));
    EXPECT_FALSE(out.has_value()) << n;
  }
  EXPECT_FALSE(strip_jpeg("not a jpeg").has_value());
  std::string no_scan = std::string("\xFF\xD8\xFF\xD9", 4);
  EXPECT_FALSE(strip_jpeg(no_scan).has_value());
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {  // random damage: any answer but a crash
    std::string damaged = in;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    auto out = strip_jpeg(damaged);
    if (out) {
      EXPECT_LE(out->data.size(), damaged.size() + 16);
    }
  }
}

TEST(PngStripTest, TextExifTimeAndTrailerAreGone) {
  std::string in = png_with_metadata();
  auto out = strip_png(in);
  ASSERT_TRUE(out.has_value()) << out.error().to_string();
  for (std::string_view gone : {kGpsMarker, std::string_view("Officer Ruiz"),
                                std::string_view("Acandi"), std::string_view("tEXt"),
                                std::string_view("eXIf"), std::string_view("appended")}) {
    EXPECT_EQ(out->data.find(gone), std::string::npos) << gone;
  }
  EXPECT_NE(out->data.find("IHDR"), std::string::npos);
  EXPECT_NE(out->data.find("gAMA"), std::string::npos);
  EXPECT_NE(out->data.find("IDAT"), std::string::npos);
  EXPECT_EQ(out->data.substr(out->data.size() - 12),
            png_chunk("IEND", ""));
  EXPECT_EQ(out->removed,
            (std::vector<std::string>{"text", "EXIF", "time", "data after the image"}));
  // Stripping twice changes nothing more.
  auto again = strip_png(out->data);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->data, out->data);
}

TEST(PngStripTest, DamagedFilesAreRefused) {
  std::string in = png_with_metadata();
  for (std::size_t n = 0; n < in.find("IEND") + 8; ++n) {
    EXPECT_FALSE(strip_png(in.substr(0, n)).has_value()) << n;
  }
  std::string bad_crc = in;
  bad_crc[20] ^= 1;  // inside IHDR
  EXPECT_FALSE(strip_png(bad_crc).has_value());
  std::string huge = std::string("\x89PNG\r\n\x1a\n", 8) + "\x7F\xFF\xFF\xFFIHDR";
  EXPECT_FALSE(strip_png(huge).has_value());
}

TEST(AttachmentTest, PicturesAreCleanedTextKeptOthersRefused) {
  auto jpeg = clean_attachment("C:\\Users\\maria\\DCIM\\IMG_0001.jpg", jpeg_with_metadata());
  ASSERT_TRUE(jpeg.has_value());
  EXPECT_EQ(jpeg->name, "IMG_0001.jpg");
  EXPECT_EQ(jpeg->media_type, "image/jpeg");
  EXPECT_EQ(jpeg->data.find(kGpsMarker), std::string::npos);

  auto png = clean_attachment("map.png", png_with_metadata());
  ASSERT_TRUE(png.has_value());
  EXPECT_EQ(png->media_type, "image/png");

  auto text = clean_attachment("chat.txt", "he said the boat leaves at 4\n");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->media_type, "text/plain");

  auto pdf = clean_attachment("report.pdf", "%PDF-1.7\n%text only /Author (Officer Ruiz)");
  ASSERT_FALSE(pdf.has_value());
  EXPECT_NE(pdf.error().message().find("'report.pdf'"), std::string::npos);
  EXPECT_NE(pdf.error().message().find("not a JPEG or PNG"), std::string::npos);

  auto damaged = clean_attachment("x.jpg", std::string("\xFF\xD8\xFF\xE1\x00", 5));
  ASSERT_FALSE(damaged.has_value());
  EXPECT_NE(damaged.error().message().find("'x.jpg' is not a readable JPEG"), std::string::npos);
  EXPECT_FALSE(clean_attachment("empty.txt", "").has_value());
  EXPECT_FALSE(clean_attachment("big.txt", std::string(kMaxAttachmentBytes + 1, 'a')).has_value());
}

}  // namespace
}  // namespace escudo::media
