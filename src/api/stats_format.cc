#include "api/stats_format.h"

#include "base/csv_writer.h"
#include "base/json.h"

namespace escudo::api {

std::string cube_json(const stats::Cube& cube, std::string_view source) {
  auto shares = stats::shares_percent(cube);
  JsonWriter w;
  w.begin_object();
  w.key("source").value(source);
  w.key("dims").begin_array();
  for (auto d : cube.dims) w.value(stats::dimension_name(d));
  w.end_array();
  w.key("rows").begin_array();
  for (std::size_t i = 0; i < cube.counts.size(); ++i) {
    w.begin_object();
    for (std::size_t d = 0; d < cube.dims.size(); ++d) {
      w.key(stats::dimension_name(cube.dims[d])).value(cube.labels[i][d]);
    }
    w.key("count").value(cube.counts[i]);
    w.key("share_percent").value(shares[i]);
    w.end_object();
  }
  w.end_array();
  w.key("total").value(cube.total);
  w.end_object();
  return std::move(w).take();
}

std::string cube_csv(const stats::Cube& cube) {
  auto shares = stats::shares_percent(cube);
  std::string out;
  for (auto d : cube.dims) {
    out += stats::dimension_name(d);
    out += ',';
  }
  out += "count,share_percent\n";
  for (std::size_t i = 0; i < cube.counts.size(); ++i) {
    for (const auto& label : cube.labels[i]) {
      out += csv_field(label);
      out += ',';
    }
    out += fmt::format("{},{:.2f}\n", cube.counts[i], shares[i]);
  }
  return out;
}

std::string comparison_json(const stats::PeriodComparison& c) {
  JsonWriter w;
  w.begin_object();
  w.key("current").begin_object()
      .key("from").value(c.current.from.to_string())
      .key("to").value(c.current.to.to_string())
      .key("total").value(c.current_total)
      .end_object();
  w.key("previous").begin_object()
      .key("from").value(c.previous.from.to_string())
      .key("to").value(c.previous.to.to_string())
      .key("total").value(c.previous_total)
      .end_object();
  w.key("ratio");
  if (c.ratio) w.value(*c.ratio); else w.null();
  w.key("change_percent");
  if (c.change_percent) w.value(*c.change_percent); else w.null();
  w.end_object();
  return std::move(w).take();
}

namespace {

void write_projection(JsonWriter& w, const stats::Projection& p) {
  w.begin_object()
      .key("method").value(stats::method_name(p.method))
      .key("point").value(p.point)
      .key("low80").value(p.low80)
      .key("high80").value(p.high80)
      .key("interval_years").value(p.interval_years)
      .end_object();
}

void write_summaries(JsonWriter& w, const std::vector<stats::BacktestSummary>& summaries) {
  w.begin_array();
  for (const auto& s : summaries) {
    w.begin_object()
        .key("method").value(stats::method_name(s.method))
        .key("cutoff_month").value(s.cutoff_month)
        .key("mape").value(s.mean_absolute_percentage_error)
        .key("coverage80").value(s.coverage80)
        .key("years").value(s.years)
        .end_object();
  }
  w.end_array();
}

}  // namespace

std::string projection_json(const service::ProjectionReport& r, bool rows) {
  JsonWriter w;
  w.begin_object();
  w.key("year").value(r.year);
  w.key("cutoff").value(r.cutoff.to_string());
  w.key("known_to_date").value(r.known_to_date);
  w.key("recommended");
  write_projection(w, r.recommended);
  w.key("methods").begin_array();
  for (const auto& p : r.methods) write_projection(w, p);
  w.end_array();
  w.key("actual");
  if (r.actual) w.value(*r.actual); else w.null();
  w.key("monthly").begin_array();
  for (const auto& m : r.monthly) {
    w.begin_object().key("month").value(m.month.to_string()).key("total").value(m.total).end_object();
  }
  w.end_array();
  w.key("backtest");
  write_summaries(w, r.backtest);
  w.key("backtest_overall");
  write_summaries(w, r.backtest_overall);
  if (rows) {
    w.key("backtest_rows").begin_array();
    for (const auto& b : r.backtest_rows) {
      w.begin_object()
          .key("year").value(b.year)
          .key("cutoff_month").value(b.cutoff_month)
          .key("method").value(stats::method_name(b.method))
          .key("used").value(stats::method_name(b.used))
          .key("projected").value(b.projected)
          .key("low80").value(b.low80)
          .key("high80").value(b.high80)
          .key("actual").value(b.actual)
          .key("relative_error").value(b.relative_error)
          .end_object();
    }
    w.end_array();
  }
  w.end_object();
  return std::move(w).take();
}

}  // namespace escudo::api
