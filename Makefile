# The two commands of the README.
#   make run    install what is missing, build, launch the app on the default database
#   make test   install what is missing, build, run the whole test suite

BUILDDIR ?= build
MESON_TEST_ARGS ?=

.PHONY: run test build deps setup clean

deps:
	@./build-aux/install-deps.sh

setup: deps
	@if [ ! -f $(BUILDDIR)/build.ninja ]; then meson setup $(BUILDDIR); fi

build: setup
	meson compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data $(BUILDDIR)/src/accords

test: build
	xvfb-run -a dbus-run-session -- meson test -C $(BUILDDIR) --print-errorlogs $(MESON_TEST_ARGS)

clean:
	rm -rf $(BUILDDIR)
