//! bangtin: a static site generator for the news and results of Vietnamese
//! emulation clusters. See ARCHITECTURE.md for the map of modules.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod data;
pub mod diag;
pub mod media;
pub mod messages;
pub mod output;
pub mod render;
pub mod results;
pub mod search;
pub mod serve;
pub mod sheets;
pub mod site;
pub mod text;
pub mod yaml;
