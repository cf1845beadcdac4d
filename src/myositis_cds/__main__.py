from myositis_cds.cli import main

main()
