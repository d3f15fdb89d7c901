use clap::Parser;

fn main() {
    let cli = quartier::cli::Cli::parse();
    std::process::exit(quartier::cli::run(cli));
}
