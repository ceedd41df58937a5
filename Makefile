# Build and install the `prereq` command.
#
#   make                      build a release binary (.build/release/prereq; CONFIG=debug for a quick one)
#   make install              install it, its man page and shell completions under PREFIX
#   make install PREFIX=~/.local
#   make uninstall PREFIX=~/.local
#   make test                 run the test suite
#
# DESTDIR is honoured for packaging (make install DESTDIR=/tmp/stage PREFIX=/usr).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
CONFIG ?= release
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BINARY = .build/$(CONFIG)/prereq
MANPAGE = .build/plugins/GenerateManual/outputs/prereq/prereq.1

.PHONY: all build man install uninstall test clean

all: build

build:
	$(SWIFT) build -c $(CONFIG) --product prereq

man: build
	$(SWIFT) package generate-manual

test:
	$(SWIFT) test

install: build man
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 "$(BINARY)" "$(BINDIR)/prereq"
	install -m 644 "$(MANPAGE)" "$(MANDIR)/prereq.1"
	"$(BINARY)" --generate-completion-script bash > "$(BASHDIR)/prereq"
	"$(BINARY)" --generate-completion-script zsh > "$(ZSHDIR)/_prereq"
	"$(BINARY)" --generate-completion-script fish > "$(FISHDIR)/prereq.fish"

uninstall:
	rm -f "$(BINDIR)/prereq" "$(MANDIR)/prereq.1" "$(BASHDIR)/prereq" "$(ZSHDIR)/_prereq" "$(FISHDIR)/prereq.fish"

clean:
	$(SWIFT) package clean
