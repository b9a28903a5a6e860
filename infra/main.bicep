// FocusBot: one Azure deployment (resource group scope).
//   the app          Azure Container Apps (the image from `dotnet publish src/FocusBot -t:PublishContainer`), probed
//                    on /healthz/live and /healthz/ready, in an environment logging to Log Analytics
//   the bot          Azure Bot (single tenant, UserAssignedMSI) with the Microsoft Teams channel
//   the database     Azure Database for PostgreSQL Flexible Server (FocusBot runs its migrations at start)
//   secrets          Key Vault (the database connection string), read by the app through its managed identity
//   identity         one user-assigned managed identity: the bot's app id, Microsoft Graph (calendar), the registry
//                    pull and Key Vault; no client secret anywhere
//   telemetry        Application Insights (OpenTelemetry from the app through APPLICATIONINSIGHTS_CONNECTION_STRING)
//   images           Azure Container Registry
// Deploy in two passes (README "Deploying to Azure"): first without containerImage (everything but the app), push
// the image to the registry, then with containerImage.

targetScope = 'resourceGroup'

@description('Azure region of every resource but the bot (which is global). Default: the resource group\'s.')
param location string = resourceGroup().location

@description('Prefix of every resource name: 3-12 lower-case letters or digits.')
@minLength(3)
@maxLength(12)
param baseName string = 'focusbot'

@description('Entra tenant id of the organisation that hosts the tables; activities from other tenants are refused.')
param tenantId string = tenant().tenantId

@description('The image to run, e.g. <registry>.azurecr.io/focusbot:latest. Empty (the first pass): everything but the container app is created.')
param containerImage string = ''

@description('Application ID URI (audience) of the backend API app registration with the app roles FocusBot.Admin and FocusBot.CoChair, e.g. api://focusbot-backend.')
param backendAudience string

@description('Client id of the Entra app registration the Teams tabs sign on to (Teams:TabAppId, the manifest\'s webApplicationInfo): the bot\'s managed identity cannot expose an API. Its Application ID URI is api://<BOT_DOMAIN>/<this id> (README).')
param tabAppId string

@description('PostgreSQL administrator login name (not a secret).')
param postgresAdminLogin string = 'focusbotadmin'

@description('PostgreSQL administrator password. A secret: pass it on the command line or from the environment, never in a parameter file. It is stored in Key Vault, inside the connection string.')
@secure()
param postgresAdminPassword string

@description('PostgreSQL compute size (Burstable B1ms serves one region\'s tables; choose General Purpose for many).')
param postgresSkuName string = 'Standard_B1ms'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Instances of the app: 1 for SQLite-like use, more behind the platform\'s load balancer (reminders are claimed with row locks).')
@minValue(1)
@maxValue(10)
param minReplicas int = 1

var suffix = uniqueString(resourceGroup().id, baseName)
var names = {
  identity: '${baseName}-id'
  logs: '${baseName}-logs'
  insights: '${baseName}-insights'
  registry: take('${baseName}acr${suffix}', 50)
  vault: take('${baseName}-kv-${suffix}', 24)
  postgres: '${baseName}-pg-${suffix}'
  environment: '${baseName}-env'
  app: '${baseName}-app'
  bot: '${baseName}-bot-${suffix}'
}
var roles = {
  acrPull: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  keyVaultSecretsUser: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
}
var databaseName = 'focusbot'
var deployApp = !empty(containerImage)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: names.registry
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: roles.acrPull
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: roles.keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: names.postgres
  location: location
  sku: {
    name: postgresSkuName
    tier: startsWith(postgresSkuName, 'Standard_B') ? 'Burstable' : 'GeneralPurpose'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Azure services only (the container app's outbound addresses are not fixed on the Consumption plan).
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'focusbot-database'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};Ssl Mode=Require'
  }
}

resource appEnvironment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: names.environment
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = if (deployApp) {
  name: names.app
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: appEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: [
        {
          name: 'database'
          keyVaultUrl: connectionString.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'focusbot'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' }
            { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
            { name: 'MicrosoftAppId', value: identity.properties.clientId }
            { name: 'MicrosoftAppTenantId', value: tenantId }
            { name: 'Backend__Authority', value: '${environment().authentication.loginEndpoint}${tenantId}/v2.0' }
            { name: 'Backend__Audience', value: backendAudience }
            { name: 'Teams__BotDomain', value: appHostName }
            { name: 'Teams__TabAppId', value: tabAppId }
            { name: 'Database__Provider', value: 'Postgres' }
            { name: 'ConnectionStrings__FocusBot', secretRef: 'database' }
            { name: 'Graph__UseManagedIdentity', value: 'true' }
            { name: 'Graph__ClientId', value: identity.properties.clientId }
            { name: 'Graph__TenantId', value: tenantId }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz/live'
                port: 8080
              }
              periodSeconds: 30
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz/ready'
                port: 8080
              }
              periodSeconds: 15
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: minReplicas
      }
    }
  }
  dependsOn: [
    registryPull
    vaultSecretsUser
    database
  ]
}

// Known before the app exists (the environment's domain), so the bot and the Teams app package are right from the first pass.
var appHostName = '${names.app}.${appEnvironment.properties.defaultDomain}'
var messagingEndpoint = 'https://${appHostName}/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'FocusBot'
    endpoint: messagingEndpoint
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Outputs in UPPER_SNAKE: the Agents Toolkit writes them to env/.env.<environment> under these names.
@description('The bot\'s Entra app id (the managed identity\'s client id): MicrosoftAppId, and the manifest\'s BOT_ID.')
output BOT_ID string = identity.properties.clientId

@description('Principal id of the managed identity: grant it Microsoft Graph Calendars.ReadWrite (README).')
output IDENTITY_PRINCIPAL_ID string = identity.properties.principalId

@description('The registry\'s name, for az acr login.')
output REGISTRY_NAME string = registry.name

@description('Where to push the image: dotnet publish src/FocusBot -t:PublishContainer -p:ContainerRegistry=<this>.')
output REGISTRY_LOGIN_SERVER string = registry.properties.loginServer

@description('The app\'s host name (Teams:BotDomain, the manifest\'s BOT_DOMAIN).')
output BOT_DOMAIN string = appHostName

@description('The bot\'s messaging endpoint.')
output MESSAGING_ENDPOINT string = messagingEndpoint
