//! bangtin: a static site generator for the news and results of Vietnamese
//! emulation clusters. See ARCHITECTURE.md for the map of modules.

pub mod results;
pub mod text;
