from evaluatie.cli import main

main()
