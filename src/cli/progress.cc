#include "cli/progress.h"

#include <unistd.h>

namespace escudo::cli {
namespace {

class ProgressStream final : public InputStream {
 public:
  ProgressStream(std::unique_ptr<InputStream> inner, Progress* progress)
      : inner_(std::move(inner)), progress_(progress) {}
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    ESCUDO_ASSIGN_OR_RETURN(std::size_t n, inner_->read(buffer, size));
    done_ += n;
    progress_->update(done_);
    return n;
  }
  const std::string& name() const override { return inner_->name(); }

 private:
  std::unique_ptr<InputStream> inner_;
  Progress* progress_;
  std::uint64_t done_ = 0;
};

}  // namespace

Progress::Progress(std::string label, std::uint64_t total, std::FILE* out)
    : label_(std::move(label)), total_(total), out_(out), terminal_(isatty(fileno(out)) != 0) {}

void Progress::update(std::uint64_t done) {
  int percent = total_ == 0 ? 100 : static_cast<int>(done * 100 / total_);
  if (percent > 100) percent = 100;
  if (terminal_) {
    if (percent == last_percent_) return;
    constexpr int kWidth = 30;
    int filled = percent * kWidth / 100;
    std::fprintf(out_, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled,
                 "##############################", kWidth - filled, "", percent);
    std::fflush(out_);
  } else {
    if (percent / 10 == last_percent_ / 10 && last_percent_ >= 0) return;
    std::fprintf(out_, "%s: %d%%\n", label_.c_str(), percent / 10 * 10);
  }
  last_percent_ = percent;
}

void Progress::finish() {
  update(total_);
  if (terminal_) std::fprintf(out_, "\n");
}

std::unique_ptr<InputStream> with_progress(std::unique_ptr<InputStream> inner, Progress* progress) {
  return std::make_unique<ProgressStream>(std::move(inner), progress);
}

}  // namespace escudo::cli
