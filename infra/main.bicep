// OfficeFlow in Azure: the isolated-worker Function App on the Flex Consumption plan (FC1), its Storage
// account (the host's own state, the deployment package container and OfficeFlow's tables), a
// user-assigned identity that reaches Storage and Graph without secrets or keys, Application Insights,
// and the Static Web App that serves the add-in.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p tenantId=<tenant> apiClientId=<app id> sharedMailbox=<upn>
// then publish functions/OfficeFlow.Worker (see README, "Deploy to Azure").

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

@description('The add-in\'s own app registration (single-page application with the redirect URI brk-multihub://<add-in host>); empty until it is registered.')
param addinClientId string = ''

@description('Region of the add-in\'s static site (Static Web Apps is offered in fewer regions than Functions).')
param addinLocation string = 'westeurope'

@description('Most instances Flex Consumption may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

// Timer schedules. Linux Flex Consumption does not support WEBSITE_TIME_ZONE: the host reads every schedule
// in UTC. The firm works on Moscow time, UTC+3 all year (no daylight saving), so these are the Moscow times
// minus three hours. The standalone host reads the code's defaults in its own zone (Europe/Moscow) instead.
@description('Monthly grades: 03:00 UTC on the 1st = 06:00 Moscow time.')
param gradesSchedule string = '0 0 3 1 * *'

@description('Overdue-invoice reminders: 06:00 UTC daily = 09:00 Moscow time.')
param remindersSchedule string = '0 0 6 * * *'

@description('Mailbox sync: every 15 minutes (the same in any zone).')
param mailboxSyncSchedule string = '0 */15 * * * *'

var suffix = uniqueString(resourceGroup().id)
var deploymentContainerName = 'app-package'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: take(toLower('${appName}${suffix}'), 24)
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

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption deploys from a package in this container, read with the app's identity.
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${appName}-id'
  location: location
}

// Built-in roles: the host needs blobs (its state, the deployment package) and queues; OfficeFlow needs tables.
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

resource logs 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
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

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

// The add-in's pages (HTML, JS, icons, manifests, config.json): a Static Web App — free tier, HTTPS
// and a CDN included, and uploaded with a deployment token, so the storage account keeps shared-key
// access off. See docs/addin.md, "Hosting in Azure".
resource addinSite 'Microsoft.Web/staticSites@2025-03-01' = {
  name: '${appName}-addin-${suffix}'
  location: addinLocation
  sku: { name: 'Free', tier: 'Free' }
  properties: {}
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
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
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Flex Consumption takes the runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION here.
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'Auth__Mode', value: 'EntraId' }
        { name: 'Auth__TenantId', value: tenantId }
        { name: 'Auth__Audience', value: 'api://${apiClientId}' }
        { name: 'Graph__TenantId', value: tenantId }
        { name: 'Graph__UseManagedIdentity', value: 'true' }
        { name: 'Graph__Mailbox', value: sharedMailbox }
        { name: 'Graph__DriveId', value: archiveDriveId }
        { name: 'Grades__AccountantEmail', value: accountantEmail }
        { name: 'Grades__Schedule', value: gradesSchedule }
        { name: 'Invoices__ReminderSchedule', value: remindersSchedule }
        { name: 'Contacts__MailboxSyncSchedule', value: mailboxSyncSchedule }
        // The panes call the API from the static site's origin (CORS in the app, not the platform's).
        { name: 'Addin__Origins', value: 'https://${addinSite.properties.defaultHostname}' }
        { name: 'Addin__ClientId', value: addinClientId }
      ]
    }
  }
  dependsOn: [ roleAssignments, deploymentContainer ]
}

output functionAppName string = functionApp.name
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'
output identityClientId string = identity.properties.clientId
output addinSiteName string = addinSite.name
output addinUrl string = 'https://${addinSite.properties.defaultHostname}'
