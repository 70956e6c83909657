use crate::{example, gcmplan, read, run};
