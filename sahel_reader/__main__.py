from sahel_reader.cli import main

raise SystemExit(main())
