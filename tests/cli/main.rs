//! The command line end to end, as a user and a script meet it: the real binary on real files, desks, memories, web pages on 127.0.0.1, PDFs, hostile and bad files, crashes, the installed files, error words, the review schema, and a team working through git and shared folders.

#[path = "../common/mod.rs"]
mod common;

mod bad_files;
mod cli;
mod cli_memory;
mod crash;
mod error_words;
mod hostile;
mod install;
mod pdf;
mod schema;
mod team;
mod web;
