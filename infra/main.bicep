// OfficeFlow in Azure: a Linux Function App running the custom handler, its Storage account
// (the host's own state and OfficeFlow's tables), a user-assigned identity that reaches
// Storage and Graph without secrets, and Application Insights.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p tenantId=<tenant> apiClientId=<app id> sharedMailbox=<upn>
// then publish the folder written by `officeflow emit-functions` (see README, "Deploy to Azure").

@description('Short name used in every resource name (letters and digits).')
@minLength(3)
@maxLength(11)
param appName string = 'officeflow'

param location string = resourceGroup().location

@description('Entra ID tenant of the firm.')
param tenantId string

@description('Application (client) id of the OfficeFlow API app registration; tokens must be issued for it.')
param apiClientId string

@description('UPN of the shared mailbox that is synced and sends reminders, e.g. office@firm.ru.')
param sharedMailbox string

@description('Drive id (OneDrive/SharePoint library) where workbooks and contracts are archived.')
param archiveDriveId string = ''

@description('E-mail of the accountant who receives the monthly workbook link.')
param accountantEmail string = ''

@description('Time zone of every timer schedule (IANA name on Linux).')
param timeZone string = 'Europe/Moscow'

@description('Elastic Premium runs custom handlers on Linux and keeps timers a singleton.')
@allowed([ 'EP1', 'EP2', 'EP3' ])
param planSku string = 'EP1'

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower('${appName}${suffix}')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-id'
  location: location
}

// Built-in roles: the host needs blobs/queues for its own state, OfficeFlow needs tables.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(storage.id, identity.id, role.value)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'elastic'
  sku: { name: planSku, tier: 'ElasticPremium' }
  properties: { reserved: true }
}

@description('The add-in\'s own app registration (single-page application with the redirect URI brk-multihub://<add-in host>); empty until it is registered.')
param addinClientId string = ''

@description('Region of the add-in\'s static site (Static Web Apps is offered in fewer regions than Functions).')
param addinLocation string = 'westeurope'

// The add-in's pages (HTML, JS, icons, manifests, config.json): a Static Web App — free tier, HTTPS
// and a CDN included, and uploaded with a deployment token, so the storage account keeps shared-key
// access off. See docs/addin.md, "Hosting in Azure".
resource addinSite 'Microsoft.Web/staticSites@2023-12-01' = {
  name: '${appName}-addin-${suffix}'
  location: addinLocation
  sku: { name: 'Free', tier: 'Free' }
  properties: {}
}

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${appName}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: ''
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'WEBSITE_TIME_ZONE', value: timeZone }
        { name: 'Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'Auth__Mode', value: 'EntraId' }
        { name: 'Auth__TenantId', value: tenantId }
        { name: 'Auth__Audience', value: 'api://${apiClientId}' }
        { name: 'Graph__TenantId', value: tenantId }
        { name: 'Graph__UseManagedIdentity', value: 'true' }
        { name: 'Graph__Mailbox', value: sharedMailbox }
        { name: 'Graph__DriveId', value: archiveDriveId }
        { name: 'Grades__AccountantEmail', value: accountantEmail }
        // The panes call the API from the static site's origin (CORS in the app, not the platform's).
        { name: 'Addin__Origins', value: 'https://${addinSite.properties.defaultHostname}' }
        { name: 'Addin__ClientId', value: addinClientId }
      ]
    }
  }
}

output functionAppName string = functionApp.name
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'
output identityClientId string = identity.properties.clientId
output addinSiteName string = addinSite.name
output addinUrl string = 'https://${addinSite.properties.defaultHostname}'
