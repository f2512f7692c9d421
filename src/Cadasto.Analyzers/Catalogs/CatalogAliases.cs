// The catalogues share one row type (CatalogMember<TMeaning>); these names say which catalogue a row belongs to.
global using SecretSink = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.SinkMeaning>;
global using OAuthSignalMember = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.OAuthSignal>;
global using RedirectUriSink = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.RedirectUriKind>;
global using ServerRegistrationMember = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.ServerRegistration>;
global using SecretKindMember = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.SecretKind>;
global using PkceSite = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.PkceRequirement>;
global using OutputSink = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.OutputTarget>;
global using SecretSource = Cadasto.Analyzers.Catalogs.CatalogMember<Cadasto.Analyzers.Catalogs.SecretSourceKey>;
