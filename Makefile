# The two commands a new user needs (see README.md):
#   make demo   install what is missing, build, load the official data, serve on :8080
#   make test   install what is missing, build with sanitizers, run every test
.PHONY: demo test deps release debug-asan web web-check bench clean

DEMO_DB ?= escudo-demo.db
PORT ?= 8080

deps:
	@scripts/install-deps

release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release

debug-asan: deps
	cmake --preset debug-asan >/dev/null
	cmake --build --preset debug-asan

web: deps
	cd web && npm run build

demo: release web
	./build/release/src/cli/escudo demo --db $(DEMO_DB) --data data/official --web-root web/dist --port $(PORT)

test: debug-asan web
	ctest --preset debug-asan -j2
	cd web && ESCUDO_BIN=../build/debug-asan/src/cli/escudo npm run test:browser

bench: release
	bench/http/run

clean:
	rm -rf build web/dist
