//! Reading a row's columns the same way on both engines.

use ::postgres::types::Type;

use super::{bad_column, Result};

/// One row of a result, of either engine.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a ::postgres::Row),
}

impl Row<'_> {
    /// Column `index` as a `T`.
    pub fn get<T: FromColumn>(&self, index: usize) -> Result<T> {
        T::from_column(self, index)
    }

    /// Column `index` as an integer or NULL, whichever width the engine gave it.
    fn int(&self, index: usize) -> Result<Option<i64>> {
        match self {
            Row::Sqlite(row) => Ok(row.get::<_, Option<i64>>(index)?),
            Row::Postgres(row) => {
                let column_type = row
                    .columns()
                    .get(index)
                    .ok_or_else(|| bad_column(index, "no such column"))?
                    .type_()
                    .clone();
                Ok(match column_type {
                    Type::INT8 => row.try_get::<_, Option<i64>>(index)?,
                    Type::INT4 => row.try_get::<_, Option<i32>>(index)?.map(i64::from),
                    Type::INT2 => row.try_get::<_, Option<i16>>(index)?.map(i64::from),
                    Type::BOOL => row.try_get::<_, Option<bool>>(index)?.map(i64::from),
                    other => return Err(bad_column(index, format!("{other} is not an integer"))),
                })
            }
        }
    }

    fn real(&self, index: usize) -> Result<Option<f64>> {
        match self {
            Row::Sqlite(row) => Ok(row.get::<_, Option<f64>>(index)?),
            Row::Postgres(row) => match row.columns().get(index).map(|c| c.type_().clone()) {
                Some(Type::FLOAT8) => Ok(row.try_get::<_, Option<f64>>(index)?),
                Some(Type::FLOAT4) => Ok(row.try_get::<_, Option<f32>>(index)?.map(f64::from)),
                _ => Ok(self.int(index)?.map(|value| value as f64)),
            },
        }
    }

    fn text(&self, index: usize) -> Result<Option<String>> {
        match self {
            Row::Sqlite(row) => Ok(row.get::<_, Option<String>>(index)?),
            Row::Postgres(row) => Ok(row.try_get::<_, Option<String>>(index)?),
        }
    }

    fn blob(&self, index: usize) -> Result<Option<Vec<u8>>> {
        match self {
            Row::Sqlite(row) => Ok(row.get::<_, Option<Vec<u8>>>(index)?),
            Row::Postgres(row) => Ok(row.try_get::<_, Option<Vec<u8>>>(index)?),
        }
    }
}

/// A type a column can be read as.
pub trait FromColumn: Sized {
    /// `None` for NULL.
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>>;

    fn from_column(row: &Row<'_>, index: usize) -> Result<Self> {
        Self::from_nullable(row, index)?.ok_or_else(|| bad_column(index, "NULL"))
    }
}

impl<T: FromColumn> FromColumn for Option<T> {
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
        Ok(Some(T::from_nullable(row, index)?))
    }
}

macro_rules! int_column {
    ($($t:ty),*) => {$(
        impl FromColumn for $t {
            fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
                row.int(index)?
                    .map(|value| <$t>::try_from(value).map_err(|err| bad_column(index, err)))
                    .transpose()
            }
        }
    )*};
}
int_column!(i64, i32, u8, u16, u32, u64, usize);

impl FromColumn for bool {
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
        Ok(row.int(index)?.map(|value| value != 0))
    }
}

impl FromColumn for f64 {
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
        row.real(index)
    }
}

impl FromColumn for String {
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
        row.text(index)
    }
}

impl FromColumn for Vec<u8> {
    fn from_nullable(row: &Row<'_>, index: usize) -> Result<Option<Self>> {
        row.blob(index)
    }
}
