# The two commands: `make run` and `make test` (see README.md).
.PHONY: run test bench lint setup clean

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

lint: setup
	bash scripts/lint.sh

setup:
	bash scripts/setup.sh --browser

clean:
	bash scripts/clean.sh
